using Microsoft.Extensions.Options;
using Tss.DevTools.Pki;
using Tss.Tenancy.Certificates;
using Tss.Trust;

namespace Tss.Tenancy.Tests;

/// <summary>Upload validators for stores built by hand in tests: the given test CA as the only anchor.</summary>
internal static class TestTrust
{
    /// <summary>Writes the CA as a PEM anchor file (in the temp directory) and returns its path.</summary>
    public static string AnchorFile(TestCertificateAuthority ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var path = Path.Combine(Path.GetTempPath(), $"tss-anchor-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(path);
        return path;
    }

    public static CertificateUploadValidator Validator(TestCertificateAuthority ca, TimeProvider time, TrustRevocationMode revocation = TrustRevocationMode.NoCheck) =>
        new(new ChainVerifier(new TrustAnchors(Options.Create(new TrustAnchorOptions
        {
            IcpBrasil = false,
            Paths = [AnchorFile(ca)],
            RevocationMode = revocation,
        })), time), time);
}
