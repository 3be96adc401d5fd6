using Microsoft.Extensions.Options;
using Tss.DevTools.Pki;

namespace Tss.Trust.Tests;

/// <summary>A test CA written as an anchor file, and trust anchors built from options in memory.</summary>
internal sealed class TrustTestPki : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("tss-trust-").FullName;

    public TrustTestPki()
    {
        Ca = TestCertificateAuthority.Create("Trust Tests CA");
        Ca.CrlUrl = new Uri("http://crl.test.invalid/root.crl");
        AnchorPath = Path.Combine(_directory, "ca.crt");
        Ca.ExportCaPem(AnchorPath);
    }

    public TestCertificateAuthority Ca { get; }
    public string AnchorPath { get; }
    public string Directory => _directory;

    public TrustAnchors Anchors(TrustRevocationMode mode, Action<TrustAnchorOptions>? configure = null)
    {
        var options = new TrustAnchorOptions { IcpBrasil = false, Paths = [AnchorPath], RevocationMode = mode };
        configure?.Invoke(options);
        return new TrustAnchors(Options.Create(options));
    }

    public void Dispose()
    {
        Ca.Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
