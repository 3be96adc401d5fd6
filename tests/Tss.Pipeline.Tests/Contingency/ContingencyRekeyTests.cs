using System.Xml;
using Tss.DevTools.Samples;
using Tss.Pipeline.Contingency;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>The contingency form of an NF-e: tpEmis, dhCont, xJust and a new key, still valid against the official schema once signed.</summary>
public class ContingencyRekeyTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 3, 17, 2, 0, TimeSpan.Zero);

    [Fact]
    public void An_nfe_for_svc_an_gets_tpEmis_6_a_new_key_with_its_check_digit_dhCont_and_xJust_and_stays_schema_valid()
    {
        var (nfe, original) = Sample();

        var key = ContingencyRekey.Apply(nfe, 6, Since, "SEFAZ SP fora do ar: emissao pela SVC-AN");

        Assert.NotEqual(original, key);
        Assert.Equal(original[..34], key[..34]);
        Assert.Equal('6', key[34]);
        Assert.Equal(original[35..43], key[35..43]);
        Assert.Equal(AccessKey.ComputeCheckDigit(key.AsSpan(0, 43)), key[43] - '0');
        Assert.Equal("2026-12-03T14:02:00-03:00", Ide(nfe, "dhCont"));
        Assert.Equal("SEFAZ SP fora do ar: emissao pela SVC-AN", Ide(nfe, "xJust"));
        Assert.Equal(key[43..], Ide(nfe, "cDV"));
        Assert.Empty(NfeKeyConsistency.Check(nfe));
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=rekey", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(Since.AddDays(-1), Since.AddDays(1));
        var signed = new XmlDsigSigner(certificate).Sign(nfe.OwnerDocument.OuterXml, "infNFe");
        var schema = NfeSchemas.Shared.Validate(signed, "nfe_v4.00.xsd");
        Assert.True(schema.IsValid, string.Join("; ", schema.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Back_to_normal_the_same_document_gets_its_tpEmis_1_key_back_without_dhCont_and_xJust()
    {
        var (nfe, original) = Sample();
        ContingencyRekey.Apply(nfe, 7, Since, "SEFAZ fora do ar: emissao pela SVC-RS");

        var key = ContingencyRekey.Apply(nfe, 1, Since, "");

        Assert.Equal(original, key);
        Assert.Null(Ide(nfe, "dhCont"));
        Assert.Null(Ide(nfe, "xJust"));
    }

    [Fact]
    public void A_short_justification_is_refused()
    {
        var (nfe, _) = Sample();

        Assert.Throws<ArgumentException>(() => ContingencyRekey.Apply(nfe, 6, Since, "curta"));
    }

    private static (XmlElement Nfe, string Key) Sample()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = "11222333000181", nNF = 42 }));
        var nfe = document.DocumentElement!;
        return (nfe, NfeKeyConsistency.ReadKey(nfe)!);
    }

    private static string? Ide(XmlElement nfe, string name) =>
        nfe["infNFe", "http://www.portalfiscal.inf.br/nfe"]!["ide", "http://www.portalfiscal.inf.br/nfe"]![name, "http://www.portalfiscal.inf.br/nfe"]?.InnerText;
}
