using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Tests.Nfce;

public sealed class NfceOfflineCheckTests : IDisposable
{
    private const string Cnpj = "11222333000181";
    private const string OfflineKey = "35251011222333000181650010000000019000000018";
    private const string Csc = "0123456789ABCDEF0123456789ABCDEF";
    private const string Url = "https://www.homologacao.nfce.fazenda.sp.gov.br/qrcode";
    private const string Digest = "abcdEFGH1234567890abcdEFGH1=";
    private const string DigestHex = "6162636445464748313233343536373839306162636445464748313d";

    // UPPER(hex(SHA1("<OfflineKey>|2|2|03|12.50|<DigestHex>|1" + Csc))), computed outside .NET (Python hashlib).
    private const string KnownHash = "496D1DD9D4C2E5BB40036151916FF87F844C2341";

    private static readonly DateTimeOffset DhEmi = new(2025, 10, 3, 10, 0, 0, TimeSpan.FromHours(-3));

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _signer;

    public NfceOfflineCheckTests() =>
        _signer = new CertificateRequest("CN=EMITENTE", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DhEmi.AddDays(-1), DhEmi.AddYears(1));

    public void Dispose()
    {
        _signer.Dispose();
        _key.Dispose();
    }

    private static XmlElement InfNFe(string dest = "")
    {
        var doc = new XmlDocument();
        doc.LoadXml($"<infNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><ide><tpAmb>2</tpAmb><dhEmi>2025-10-03T10:00:00-03:00</dhEmi></ide>"
            + $"<emit><CNPJ>{Cnpj}</CNPJ></emit>{dest}<total><ICMSTot><vNF>12.5</vNF></ICMSTot></total></infNFe>");
        return doc.DocumentElement!;
    }

    private static CscRegistry Registry()
    {
        var cscs = new CscRegistry();
        cscs.Register(Cnpj, 1, Csc);
        return cscs;
    }

    private int Check(string qrCode, XmlElement? infNFe = null, TimeSpan? after = null) =>
        NfceOfflineCheck.Check(qrCode, infNFe ?? InfNFe(), OfflineKey, 2, Digest, _signer, Registry(), DhEmi + (after ?? TimeSpan.FromHours(1)));

    private string V3(string text)
    {
#pragma warning disable CA5350 // the layout's algorithm
        var signature = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
#pragma warning restore CA5350
        return $"{Url}?p={text}|{signature}";
    }

    [Fact]
    public void A_v2_off_line_code_with_the_right_hash_passes_and_a_wrong_one_is_464()
    {
        Assert.Equal(0, Check($"{Url}?p={OfflineKey}|2|2|03|12.50|{DigestHex}|1|{KnownHash}"));
        Assert.Equal(464, Check($"{Url}?p={OfflineKey}|2|2|03|12.50|{DigestHex}|1|{new string('A', 40)}"));
    }

    [Theory]
    [InlineData("04", "12.50", DigestHex)]
    [InlineData("03", "12.51", DigestHex)]
    [InlineData("03", "12.50", "00")]
    public void A_v2_off_line_code_that_differs_from_the_nfe_is_397(string dia, string vNF, string digestHex) =>
        Assert.Equal(397, Check($"{Url}?p={OfflineKey}|2|2|{dia}|{vNF}|{digestHex}|1|{KnownHash}"));

    [Fact]
    public void A_v3_off_line_code_signed_by_the_issuer_passes_and_one_signed_by_another_key_is_464()
    {
        Assert.Equal(0, Check(V3($"{OfflineKey}|3|2|03|12.50||")));
        Assert.Equal(0, Check(V3($"{OfflineKey}|3|2|03|12.50|2|12345678909"), InfNFe("<dest><CPF>12345678909</CPF></dest>")));
        using var other = RSA.Create(2048);
#pragma warning disable CA5350
        var forged = Convert.ToBase64String(other.SignData(Encoding.UTF8.GetBytes($"{OfflineKey}|3|2|03|12.50||"), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
#pragma warning restore CA5350
        Assert.Equal(464, Check($"{Url}?p={OfflineKey}|3|2|03|12.50|||{forged}"));
        Assert.Equal(397, Check(V3($"{OfflineKey}|3|2|03|12.50|1|11222333000181")));
    }

    [Fact]
    public void Transmitted_more_than_24_hours_after_dhEmi_is_704()
    {
        var qrCode = $"{Url}?p={OfflineKey}|2|2|03|12.50|{DigestHex}|1|{KnownHash}";

        Assert.Equal(0, Check(qrCode, after: TimeSpan.FromHours(23.9)));
        Assert.Equal(704, Check(qrCode, after: TimeSpan.FromHours(24.1)));
    }
}
