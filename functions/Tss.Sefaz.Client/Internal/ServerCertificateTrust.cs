using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.Trust;

namespace Tss.Sefaz.Client.Internal;

/// <summary>
/// Server certificate validation: the host name must always match; the chain must then build to one of the service's
/// trust anchors (the ICP-Brasil roots SEFAZ's certificates chain to, plus configured ones) or to the extra anchor of
/// <see cref="SefazClientOptions.TrustAnchorPath"/> (the simulator's test CA), or, when allowed, be trusted by the
/// operating system. Validation is never switched off.
/// </summary>
internal sealed class ServerCertificateTrust : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2? _extra;
    private readonly TrustAnchors? _anchors;
    private readonly bool _trustSystemRoots;

    public ServerCertificateTrust(string? trustAnchorPath, TrustAnchors? anchors = null, bool trustSystemRoots = true)
    {
        // PEM or DER; the loader detects which.
        _extra = string.IsNullOrWhiteSpace(trustAnchorPath) ? null : X509CertificateLoader.LoadCertificateFromFile(trustAnchorPath);
        _anchors = anchors;
        _trustSystemRoots = trustSystemRoots;
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // A wrong host name or no certificate is never forgiven.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        if (errors == SslPolicyErrors.None && _trustSystemRoots)
        {
            return true;
        }
        if (_anchors is null && _extra is null)
        {
            return false;
        }
        var presented = new List<X509Certificate2>();
        if (chain is not null)
        {
            presented.AddRange(chain.ChainPolicy.ExtraStore);
            presented.AddRange(chain.ChainElements.Skip(1).Select(e => e.Certificate));
        }
        using var copy = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var leaf = certificate as X509Certificate2 ?? copy!;
        // The handshake happens now in real time, whatever clock the rest of the client runs on.
        var now = TimeProvider.System.GetUtcNow();
        if (_anchors is not null)
        {
            using var built = _anchors.BuildChain(leaf, presented, CertificatePurpose.ServerAuthentication, now, out var trusted, _extra is null ? null : [_extra]);
            return trusted;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_extra!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.DisableCertificateDownloads = true;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        custom.ChainPolicy.ExtraStore.AddRange(presented.ToArray());
        return custom.Build(leaf);
    }

    public void Dispose() => _extra?.Dispose();
}
