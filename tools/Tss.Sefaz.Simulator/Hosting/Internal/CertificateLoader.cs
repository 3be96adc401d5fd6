using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;

namespace Tss.Sefaz.Simulator.Hosting.Internal;

/// <summary>Resolves the server certificate and client CA from options: instances, then files, then the dev PKI.</summary>
internal static class CertificateLoader
{
    public static SimulatorCertificates Load(SimulatorOptions options)
    {
        var server = options.ServerCertificate
            ?? (options.ServerCertificatePath is { } pfx
                ? X509CertificateLoader.LoadPkcs12FromFile(pfx, options.ServerCertificatePassword)
                : null);
        var clientCa = options.ClientCaCertificate
            ?? (options.ClientCaCertificatePath is { } ca ? X509CertificateLoader.LoadCertificateFromFile(ca) : null);
        if (server is not null && clientCa is not null)
        {
            return new SimulatorCertificates(server, clientCa);
        }

        if (options.DevPkiDirectory is not { } directory)
        {
            throw new InvalidOperationException(
                "The simulator needs a server certificate and a client CA (ServerCertificate[Path], ClientCaCertificate[Path]) or a DevPkiDirectory.");
        }

        using var authority = TestCertificateAuthority.LoadOrCreate(directory);
        server ??= authority.IssueServer("localhost");
        clientCa ??= X509CertificateLoader.LoadCertificate(authority.Certificate.RawData);
        return new SimulatorCertificates(server, clientCa);
    }
}
