using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>The test CA and the certificates the HTTP tests use, created once per test run.</summary>
internal static class TestPki
{
    public const string EmitterCnpj = "11222333000181";
    public const string TransmitterCnpj = "11444777000161";

    private static readonly Lazy<TestCertificateAuthority> LazyCa = new(() => TestCertificateAuthority.Create("TSS Simulator Tests CA"));
    private static readonly Lazy<X509Certificate2> LazyServer = new(() => Ca.IssueServer("localhost"));
    private static readonly Lazy<X509Certificate2> LazyTransmitter = new(() => Ca.IssueECnpj(TransmitterCnpj, "TRANSMISSORA TESTE LTDA"));
    private static readonly Lazy<X509Certificate2> LazySigner = new(() => Ca.IssueECnpj(EmitterCnpj, "EMITENTE TESTE LTDA"));

    public static TestCertificateAuthority Ca => LazyCa.Value;
    public static X509Certificate2 Server => LazyServer.Value;
    public static X509Certificate2 Transmitter => LazyTransmitter.Value;
    public static X509Certificate2 Signer => LazySigner.Value;

    /// <summary>A certificate from the test CA without the ICP-Brasil CNPJ field (cStat 282 as transmitter).</summary>
    public static X509Certificate2 WithoutCnpj()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SEM CNPJ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Ca.Certificate, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
