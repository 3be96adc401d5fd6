using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Client.Tests.Infrastructure;

/// <summary>
/// A tiny PKI made in the test: a root CA, a server certificate for 127.0.0.1/localhost, two client certificates, and
/// an unrelated CA (for "wrong anchor" cases). The CA is written as PEM so it can serve as TrustAnchorPath.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tss-sefaz-client-").FullName;

    public TestPki()
    {
        Ca = CreateCa("CN=TSS Client Tests CA");
        OtherCa = CreateCa("CN=Unrelated CA");
        Server = Issue(Ca, "CN=127.0.0.1", serverAuth: true, "localhost");
        WrongHostServer = Issue(Ca, "CN=other.example", serverAuth: true, "other.example");
        Client = Issue(Ca, "CN=EMPRESA TESTE LTDA:12345678000190", serverAuth: false);
        OtherClient = Issue(Ca, "CN=OUTRA EMPRESA LTDA:98765432000110", serverAuth: false);
        ForeignClient = Issue(OtherCa, "CN=EMPRESA ESTRANHA LTDA:11222333000181", serverAuth: false);
        CaPemPath = Path.Combine(_directory, "ca.crt");
        File.WriteAllText(CaPemPath, Ca.ExportCertificatePem());
        OtherCaDerPath = Path.Combine(_directory, "other-ca.cer");
        File.WriteAllBytes(OtherCaDerPath, OtherCa.Export(X509ContentType.Cert));
    }

    public X509Certificate2 Ca { get; }
    public X509Certificate2 OtherCa { get; }
    public X509Certificate2 Server { get; }
    public X509Certificate2 WrongHostServer { get; }
    public X509Certificate2 Client { get; }
    public X509Certificate2 OtherClient { get; }

    /// <summary>A client certificate the fake SEFAZ does not accept (issued by <see cref="OtherCa"/>).</summary>
    public X509Certificate2 ForeignClient { get; }
    public string CaPemPath { get; }
    public string OtherCaDerPath { get; }

    public void Dispose()
    {
        foreach (var certificate in new[] { Ca, OtherCa, Server, WrongHostServer, Client, OtherClient, ForeignClient })
        {
            certificate.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Reload(ca);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth, params string[] dnsNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var dns in dnsNames)
            {
                names.AddDnsName(dns);
            }
            if (dnsNames.Contains("localhost"))
            {
                names.AddIpAddress(IPAddress.Loopback);
            }
            request.CertificateExtensions.Add(names.Build());
        }
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    /// <summary>Round-trips through PKCS#12 so the private key is a persisted one that TLS stacks accept everywhere.</summary>
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
}
