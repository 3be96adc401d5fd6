using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Client.Internal;

/// <summary>
/// Server certificate validation: the system trust store always; in addition, when a trust anchor is configured (the
/// simulator's test CA), a certificate whose chain builds to that anchor. The host name must match in both cases;
/// validation is never switched off.
/// </summary>
internal sealed class ServerCertificateTrust : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2? _anchor;

    public ServerCertificateTrust(string? trustAnchorPath)
    {
        // PEM or DER; the loader detects which.
        _anchor = string.IsNullOrWhiteSpace(trustAnchorPath) ? null : X509CertificateLoader.LoadCertificateFromFile(trustAnchorPath);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        // Only an unknown root may be forgiven, and only by the configured anchor; a wrong host name never is.
        if (_anchor is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_anchor);
        // The local test CA publishes no revocation list; production SEFAZ certificates go through the system path.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        if (certificate is X509Certificate2 leaf)
        {
            return custom.Build(leaf);
        }
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(copy);
    }

    public void Dispose() => _anchor?.Dispose();
}
