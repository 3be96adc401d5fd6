using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;
using Tss.Protocol.Certificates;

namespace Tss.DevTools.Tests.Pki;

public sealed class TestCertificateAuthorityTests : IDisposable
{
    private static readonly Lazy<TestCertificateAuthority> LazyCa = new(() => TestCertificateAuthority.Create("TSS DevTools Tests CA"));
    private readonly string _directory = Directory.CreateTempSubdirectory("tss-pki-").FullName;

    private static TestCertificateAuthority Ca => LazyCa.Value;

    [Fact]
    public void Root_is_a_CA_for_certificates_and_CRLs_only()
    {
        var root = Ca.Certificate;

        Assert.Equal(root.SubjectName.RawData, root.IssuerName.RawData);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, root.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.NotNull(root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier);
        Assert.Equal(2048, root.GetRSAPublicKey()!.KeySize);
        Assert.True(root.HasPrivateKey);
    }

    [Fact]
    public void E_CNPJ_is_shaped_like_an_ICP_Brasil_A1()
    {
        using var certificate = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");

        Assert.StartsWith("CN=EMPRESA TESTE LTDA:12345678000195, ", certificate.Subject, StringComparison.Ordinal);
        Assert.EndsWith(", O=ICP-Brasil, C=BR", certificate.Subject, StringComparison.Ordinal);
        Assert.Equal("2.5.4.6", FirstRdnType(certificate.SubjectName)); // DER starts with C=BR, as ICP-Brasil's do
        Assert.Equal("12345678000195", IcpBrasilCertificate.GetCnpj(certificate));
        Assert.Equal(2048, certificate.GetRSAPublicKey()!.KeySize);
        Assert.Equal(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment,
            certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4"], usages);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var authorityKeyId = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier;
        Assert.Equal(Ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray(), authorityKeyId!.Value.ToArray());
        Assert.NotNull(IcpBrasilCertificate.ReadOtherName(certificate, IcpBrasilCertificate.ResponsibleDataOid));
    }

    [Fact]
    public void Serial_numbers_are_random_and_positive()
    {
        using var first = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");
        using var second = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.All(new[] { first, second }, c =>
        {
            // Big-endian: the first octet carries the sign and must not be a redundant zero.
            Assert.Equal(16, c.SerialNumberBytes.Length);
            Assert.InRange(c.SerialNumberBytes.Span[0], 0x01, 0x7F);
        });
    }

    [Fact]
    public void E_CNPJ_chains_to_the_CA_as_custom_trust_root()
    {
        using var certificate = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");

        using var chain = CustomRootChain(Ca.Certificate, "1.3.6.1.5.5.7.3.2");

        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(Ca.Certificate.Thumbprint, chain.ChainElements[^1].Certificate.Thumbprint);
    }

    [Fact]
    public void Certificate_from_another_CA_does_not_chain()
    {
        using var other = TestCertificateAuthority.Create("Another CA");
        using var certificate = other.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");

        using var chain = CustomRootChain(Ca.Certificate, "1.3.6.1.5.5.7.3.2");

        Assert.False(chain.Build(certificate));
    }

    [Fact]
    public void Expired_and_not_yet_valid_certificates_are_issued_as_asked()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA", now.AddYears(-2), now.AddDays(-1));
        using var future = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA", now.AddDays(10), now.AddYears(1));

        using var chain = CustomRootChain(Ca.Certificate, "1.3.6.1.5.5.7.3.2");
        Assert.False(chain.Build(expired));
        Assert.Contains(chain.ChainStatus, s => s.Status == X509ChainStatusFlags.NotTimeValid);
        using var futureChain = CustomRootChain(Ca.Certificate, "1.3.6.1.5.5.7.3.2");
        Assert.False(futureChain.Build(future));
        Assert.Contains(futureChain.ChainStatus, s => s.Status == X509ChainStatusFlags.NotTimeValid);
    }

    [Fact]
    public void Default_validity_comes_from_the_time_provider()
    {
        var now = new DateTimeOffset(2031, 5, 20, 12, 0, 0, TimeSpan.Zero);
        using var ca = TestCertificateAuthority.Create("Clocked CA", new FixedTime(now));

        using var certificate = ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");

        Assert.Equal(now.AddDays(-1).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(now.AddDays(-1).AddYears(1).UtcDateTime, certificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Issued_certificates_survive_a_PFX_round_trip_with_a_usable_key()
    {
        using var certificate = Ca.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");
        var path = Path.Combine(_directory, "a1.pfx");

        TestCertificateAuthority.ExportPfx(certificate, path, "senha123");
        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, "senha123", X509KeyStorageFlags.Exportable);

        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        using var key = loaded.GetRSAPrivateKey()!;
        var data = "NF-e"u8.ToArray();
        var signature = key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        Assert.True(certificate.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        Assert.NotEmpty(key.ExportPkcs8PrivateKey());
    }

    [Fact]
    public void Server_certificate_names_the_hosts_and_loopback_addresses()
    {
        using var server = Ca.IssueServer("sefaz.local", "simulator");

        var san = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["sefaz.local", "simulator", "localhost"], san.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], san.EnumerateIPAddresses());
        var usages = server.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.1"], usages);
        Assert.True(server.HasPrivateKey);
        using var chain = CustomRootChain(Ca.Certificate, "1.3.6.1.5.5.7.3.1");
        Assert.True(chain.Build(server), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(server.MatchesHostname("sefaz.local"));
        Assert.True(server.MatchesHostname("127.0.0.1"));
    }

    [Fact]
    public void LoadOrCreate_persists_the_CA_and_loads_it_again()
    {
        using var created = TestCertificateAuthority.LoadOrCreate(_directory);
        using var loaded = TestCertificateAuthority.LoadOrCreate(_directory);
        using var direct = TestCertificateAuthority.Load(Path.Combine(_directory, "ca.pfx"), TestCertificateAuthority.DevCaPassword);

        Assert.Equal(created.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        Assert.Equal(created.Certificate.Thumbprint, direct.Certificate.Thumbprint);
        Assert.True(loaded.Certificate.HasPrivateKey);
        using var pem = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_directory, "ca.crt")));
        Assert.Equal(created.Certificate.Thumbprint, pem.Thumbprint);
        Assert.False(pem.HasPrivateKey);
        using var issued = loaded.IssueECnpj("12345678000195", "EMPRESA TESTE LTDA");
        using var chain = CustomRootChain(created.Certificate, "1.3.6.1.5.5.7.3.2");
        Assert.True(chain.Build(issued));
    }

    [Fact]
    public void Concurrent_LoadOrCreate_agrees_on_one_CA()
    {
        var thumbprints = Enumerable.Range(0, 4).AsParallel().Select(_ =>
        {
            using var authority = TestCertificateAuthority.LoadOrCreate(_directory);
            return authority.Certificate.Thumbprint;
        }).ToList();

        Assert.Single(thumbprints.Distinct());
        Assert.Equal(["ca.crt", "ca.pfx"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Chain CustomRootChain(X509Certificate2 root, string applicationPolicy)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(applicationPolicy));
        return chain;
    }

    private static string FirstRdnType(X500DistinguishedName name)
    {
        var rdns = new AsnReader(name.RawData, AsnEncodingRules.DER).ReadSequence();
        return rdns.ReadSetOf().ReadSequence().ReadObjectIdentifier();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
