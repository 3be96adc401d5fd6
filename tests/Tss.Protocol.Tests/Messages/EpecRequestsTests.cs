using System.Text;
using System.Text.RegularExpressions;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Tests.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Messages;

public sealed partial class EpecRequestsTests : IDisposable
{
    private static readonly DateTimeOffset DhEvento = new(2026, 3, 14, 10, 31, 0, TimeSpan.FromHours(-3));
    private readonly string _directory = Directory.CreateTempSubdirectory("tss-epec-xmlsec1-").FullName;

    /// <summary>The NF-e fixture turned into an EPEC NF-e (tpEmis 4, new key and cDV, dhCont/xJust), signed.</summary>
    internal static string SignedEpecNfe(string? transform = null)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nfe-1234-signed-placeholder.xml"));
        xml = SignatureElement().Replace(xml, "");
        var old = AccessKey.Parse(KeyInId().Match(xml).Groups[1].Value);
        var key = AccessKey.Build(old.Parts with { tpEmis = 4 });
        xml = xml.Replace(old.Value, key.Value, StringComparison.Ordinal)
            .Replace("<tpEmis>1</tpEmis><cDV>0</cDV>", $"<tpEmis>4</tpEmis><cDV>{key.cDV}</cDV>", StringComparison.Ordinal)
            .Replace("</verProc></ide>", "</verProc><dhCont>2026-03-14T10:29:00-03:00</dhCont>"
                + "<xJust>SEFAZ SP e SVC-AN indisponiveis - contingencia EPEC</xJust></ide>", StringComparison.Ordinal);
        if (transform is not null)
        {
            xml = xml.Replace("<dest><CNPJ>11222333000181</CNPJ>", transform, StringComparison.Ordinal);
        }
        using var signer = new XmlDsigSigner(Signer);
        return signer.Sign(xml, "infNFe");
    }

    [Fact]
    public void The_epec_carries_the_fields_of_its_nfe_and_is_valid_against_the_epec_schemas_once_signed()
    {
        var nfe = SignedEpecNfe();
        Assert.True(NfeSchemas.Shared.Validate(nfe).IsValid, "the EPEC NF-e itself must be schema-valid");
        var data = EpecData.FromNfe(nfe);

        var evento = NfeRequests.Epec(data, DhEvento, "TSS-Functions 1.0");
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(evento, "infEvento");

        Golden.AssertValid(signed, "EPEC_v1.00.xsd");
        Golden.AssertValid(NfeRequests.EnvEvento(1, [signed]), "envEPEC_v1.00.xsd");
        Assert.Equal('4', data.ChNFe[34]);
        Assert.Contains($"<infEvento Id=\"ID110140{data.ChNFe}01\"><cOrgao>91</cOrgao><tpAmb>2</tpAmb><CNPJ>12345678000195</CNPJ>", evento, StringComparison.Ordinal);
        Assert.Contains("<descEvento>EPEC</descEvento><cOrgaoAutor>35</cOrgaoAutor><tpAutor>1</tpAutor><verAplic>TSS-Functions 1.0</verAplic>"
            + "<dhEmi>2026-03-14T10:30:15-03:00</dhEmi><tpNF>1</tpNF><IE>123456789012</IE>"
            + "<dest><UF>SP</UF><CNPJ>11222333000181</CNPJ><vNF>78.50</vNF><vICMS>14.13</vICMS><vST>0.00</vST></dest>", evento, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_recipient_is_declared_by_idEstrangeiro_with_uf_EX_and_a_numeric_ie_is_kept()
    {
        var foreign = EpecData.FromNfe(SignedEpecNfe("<dest><idEstrangeiro>AB12345</idEstrangeiro>"));
        var withIe = EpecData.FromNfe(SignedEpecNfe("<dest><CNPJ>11222333000181</CNPJ>").Replace("<indIEDest>9</indIEDest>",
            "<indIEDest>1</indIEDest><IE>987654321</IE>", StringComparison.Ordinal));

        Assert.Equal(("idEstrangeiro", "AB12345", "SP"), (foreign.DestDocumentElement, foreign.DestDocument, foreign.DestUf));
        Assert.Equal("987654321", withIe.DestIE);
        using var signer = new XmlDsigSigner(Signer);
        Golden.AssertValid(signer.Sign(NfeRequests.Epec(withIe, DhEvento, "TSS"), "infEvento"), "EPEC_v1.00.xsd");
    }

    [Fact]
    public void A_signed_epec_verifies_with_xmlsec1_and_with_our_verifier()
    {
        using var signer = new XmlDsigSigner(Signer);
        var signed = signer.Sign(NfeRequests.Epec(EpecData.FromNfe(SignedEpecNfe()), DhEvento, "TSS"), "infEvento");
        var path = Path.Combine(_directory, "epec.xml");
        File.WriteAllText(path, signed, new UTF8Encoding(false));
        var ca = Path.Combine(_directory, "ca.pem");
        Ca.ExportCaPem(ca);

        var xmlsec = XmlSec1.Run("--verify", "--id-attr:Id", $"{NfeNamespace}:infEvento", "--trusted-pem", ca, path);
        var ours = SignatureVerifier.Verify(First(Parse(signed), "infEvento"));

        Assert.True(xmlsec.Succeeded, xmlsec.Output);
        Assert.True(ours.IsValid, ours.Detail);
    }

    [Fact]
    public void An_nfe_that_is_not_tpEmis_4_or_has_no_recipient_cannot_become_an_epec()
    {
        var normal = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nfe-1234-signed-placeholder.xml"));
        var noRecipient = Regex.Replace(SignedEpecNfe(), "<dest>.*?</dest>", "");

        Assert.Equal(ProtocolErrorCodes.Message.EpecSource, Assert.Throws<MessageInputException>(() => EpecData.FromNfe(normal)).Code);
        Assert.Equal(ProtocolErrorCodes.Message.EpecSource, Assert.Throws<MessageInputException>(() => EpecData.FromNfe(noRecipient)).Code);
        var data = EpecData.FromNfe(SignedEpecNfe());
        Assert.Equal(ProtocolErrorCodes.Message.EpecSource,
            Assert.Throws<MessageInputException>(() => NfeRequests.Epec(data with { DestDocumentElement = "x><y" }, DhEvento, "TSS")).Code);
        Assert.Equal(ProtocolErrorCodes.Message.EpecSource,
            Assert.Throws<MessageInputException>(() => NfeRequests.Epec(data with { ChNFe = AccessKey.Build(AccessKey.Parse(data.ChNFe).Parts with { tpEmis = 1 }).Value }, DhEvento, "TSS")).Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">.*</Signature>", RegexOptions.Singleline)]
    private static partial Regex SignatureElement();

    [GeneratedRegex("Id=\"NFe([0-9]{44})\"")]
    private static partial Regex KeyInId();
}
