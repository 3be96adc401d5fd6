using System.IO.Compression;
using System.Text;
using Tss.DevTools.Pki;
using Tss.Mde.Protocol;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Parties;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;

namespace Tss.Mde.Tests;

public sealed class DocumentReadingTests
{
    private static string Zip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static readonly string Key = AccessKey.Build(new AccessKeyParts(35, 26, 11, Cnpj.WithCheckDigits("987654320001"), 55, 1, 7, 1, 12345670)).Value;

    [Fact]
    public void A_resNFe_is_unpacked_and_summarized()
    {
        var xml = $"<resNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.01\"><chNFe>{Key}</chNFe><CNPJ>98765432000198</CNPJ><xNome>EMITENTE</xNome>"
            + "<IE>123</IE><dhEmi>2026-11-23T10:00:00-03:00</dhEmi><tpNF>1</tpNF><vNF>10.00</vNF><dhRecbto>2026-11-23T10:00:01-03:00</dhRecbto>"
            + "<nProt>135260000000001</nProt><cSitNFe>1</cSitNFe></resNFe>";
        var document = ReceivedDocument.From(new DocZip(42, "resNFe_v1.01.xsd", Zip(Encoding.UTF8.GetBytes(xml))), 1 << 20);
        Assert.Equal(DocumentType.ResNFe, document.Type);
        Assert.Equal(Key, document.chNFe);
        Assert.Equal("10.00", document.vNF);
        Assert.Equal(xml, document.Xml);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_cap_and_keeps_its_NSU_as_unreadable()
    {
        var bomb = Zip(new byte[8 << 20]);
        var error = Assert.Throws<MdeException>(() => DocZipReader.Unpack(bomb, 1 << 20));
        Assert.Equal(MdeErrorCodes.DocZipTooLarge, error.Code);
        var document = ReceivedDocument.From(new DocZip(9, "resNFe_v1.01.xsd", bomb), 1 << 20);
        Assert.Equal(DocumentType.Unreadable, document.Type);
        Assert.Equal(9, document.Nsu);
    }

    [Theory]
    [InlineData("not base64!!")]
    [InlineData("aGVsbG8=")]
    public void Garbage_is_refused_with_a_code(string base64) =>
        Assert.Equal(MdeErrorCodes.DocZipInvalid, Assert.Throws<MdeException>(() => DocZipReader.Unpack(base64, 1 << 20)).Code);

    [Fact]
    public void A_document_with_a_DTD_is_unreadable_not_expanded()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xxxxxxxx\">]><resNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\">&x;</resNFe>";
        Assert.Equal(DocumentType.Unreadable, ReceivedDocument.From(new DocZip(1, "resNFe_v1.01.xsd", Zip(Encoding.UTF8.GetBytes(xml))), 1 << 20).Type);
    }

    [Theory]
    [InlineData("210200", null)]
    [InlineData("210210", null)]
    [InlineData("210220", null)]
    [InlineData("210240", "Mercadoria nunca foi entregue ao destinatario")]
    public void Signed_manifestacao_events_validate_against_the_official_schema(string tpEvento, string? xJust)
    {
        using var ca = TestCertificateAuthority.Create();
        using var certificate = ca.IssueECnpj("11222333000181", "DESTINATARIO LTDA");
        var evento = ManifestacaoRequests.Evento(2, "11222333000181", Key, DateTimeOffset.UtcNow, tpEvento, xJust);
        using var signer = new XmlDsigSigner(certificate);
        var signed = signer.Sign(evento, "infEvento");
        var result = NfeSchemas.Shared.Validate(signed, "confRecebto_v1.00.xsd");
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Contains("<cOrgao>91</cOrgao>", signed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("210240", null, MdeErrorCodes.InvalidXJust)]
    [InlineData("210240", "curta", MdeErrorCodes.InvalidXJust)]
    [InlineData("210200", "justificativa nao cabe aqui", MdeErrorCodes.InvalidXJust)]
    [InlineData("110111", null, MdeErrorCodes.InvalidTpEvento)]
    public void Invalid_manifestacao_is_refused_before_signing(string tpEvento, string? xJust, string code) =>
        Assert.Equal(code, Assert.Throws<MdeException>(() => ManifestacaoRequests.Evento(2, "11222333000181", Key, DateTimeOffset.UtcNow, tpEvento, xJust)).Code);
}
