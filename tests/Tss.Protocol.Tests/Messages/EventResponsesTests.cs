using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests.Messages;

public class EventResponsesTests
{
    private const string Key = "35260711222333000181550010000123451314159264";
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    [Theory]
    [InlineData("retEnvEvento-128-registered-and-duplicate.xml", "retEnvCCe_v1.00.xsd")]
    [InlineData("retInutNFe-102-homologated.xml", "retInutNFe_v4.00.xsd")]
    [InlineData("retInutNFe-241-number-used.xml", "retInutNFe_v4.00.xsd")]
    [InlineData("retConsCad-111-one-record.xml", "retConsCad_v2.00.xsd")]
    [InlineData("retConsCad-259-unknown.xml", "retConsCad_v2.00.xsd")]
    public void Golden_answers_are_valid_against_their_schemas(string fixture, string schema)
    {
        var result = NfeSchemas.Shared.Validate(Read(fixture));

        Assert.Equal(schema, result.SchemaFile);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Event_lot_answer_lists_each_event_with_its_own_status()
    {
        var (root, source) = LoadWithSource("retEnvEvento-128-registered-and-duplicate.xml");

        var ret = NfeResponses.ParseRetEnvEvento(root, source);

        Assert.Equal(("202607140001", 2, 35, 128, "Lote de Evento Processado"), (ret.idLote, ret.tpAmb, ret.cOrgao, ret.cStat, ret.xMotivo));
        Assert.Equal(2, ret.retEvento.Count);
        var registered = ret.retEvento[0];
        Assert.True(registered.IsRegistered);
        Assert.Equal((135, Key, "110110", 2, "135260000099001"), (registered.cStat, registered.chNFe, registered.tpEvento, registered.nSeqEvento, registered.nProt));
        Assert.Equal("98765432000198", registered.CNPJDest);
        Assert.Equal("compras@cliente.com.br", registered.emailDest);
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 11, 30, 2, Brasilia), registered.dhRegEvento);
        var duplicate = ret.retEvento[1];
        Assert.False(duplicate.IsRegistered);
        Assert.Equal((573, (string?)null), (duplicate.cStat, duplicate.nProt));
    }

    [Fact]
    public void RetEvento_text_is_cut_from_the_answer_byte_for_byte_with_its_namespace()
    {
        var (root, source) = LoadWithSource("retEnvEvento-128-registered-and-duplicate.xml");

        var ret = NfeResponses.ParseRetEnvEvento(root, source);

        var start = source.IndexOf("<retEvento ", StringComparison.Ordinal);
        var end = source.IndexOf("</retEvento>", start, StringComparison.Ordinal) + "</retEvento>".Length;
        Assert.Equal(source[start..end].Insert("<retEvento".Length, $" xmlns=\"{NfeNamespaces.Nfe}\""), ret.retEvento[0].Xml);
    }

    [Fact]
    public void Event_lot_rejection_has_no_event_answers()
    {
        var ret = NfeResponses.ParseRetEnvEvento(Load("retEnvEvento-215-lot-rejected.xml"));

        Assert.Equal(215, ret.cStat);
        Assert.Empty(ret.retEvento);
    }

    [Fact]
    public void Homologated_inutilizacao_carries_range_and_protocol()
    {
        var ret = NfeResponses.ParseRetInutNFe(Load("retInutNFe-102-homologated.xml"));

        Assert.Equal((102, 35, 26, "11222333000181", 55, 1, 100, 110), (ret.cStat, ret.cUF, ret.ano, ret.CNPJ, ret.mod, ret.serie, ret.nNFIni, ret.nNFFin));
        Assert.Equal("135260000077001", ret.nProt);
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 12, 0, 1, Brasilia), ret.dhRecbto);
    }

    [Fact]
    public void Refused_inutilizacao_has_neither_range_nor_protocol()
    {
        var ret = NfeResponses.ParseRetInutNFe(Load("retInutNFe-241-number-used.xml"));

        Assert.Equal(241, ret.cStat);
        Assert.Null(ret.nProt);
        Assert.Null(ret.nNFIni);
    }

    [Fact]
    public void Registry_answer_carries_the_record_and_its_address()
    {
        var ret = NfeResponses.ParseRetConsCad(Load("retConsCad-111-one-record.xml"));

        Assert.Equal((111, "SP", "11222333000181", 35), (ret.cStat, ret.UF, ret.CNPJ, ret.cUF));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 12, 10, 0, 123, Brasilia), ret.dhCons);
        var record = Assert.Single(ret.infCad);
        Assert.Equal(("110042490114", 1, 1, 4, "EMITENTE TESTE LTDA"), (record.IE, record.cSit, record.indCredNFe, record.indCredCTe, record.xNome));
        Assert.Equal(new DateOnly(2010, 3, 1), record.dIniAtiv);
        Assert.Equal(("RUA DAS FLORES", "3550308", "01001000"), (record.xLgr, record.cMun, record.CEP));
    }

    [Fact]
    public void Registry_rejection_has_no_records()
    {
        var ret = NfeResponses.ParseRetConsCad(Load("retConsCad-259-unknown.xml"));

        Assert.Equal(259, ret.cStat);
        Assert.Empty(ret.infCad);
    }

    [Theory]
    [InlineData("<retEnvEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\"><idLote>1</idLote><tpAmb>2</tpAmb><verAplic>X</verAplic><cOrgao>3A</cOrgao><cStat>128</cStat><xMotivo>x</xMotivo></retEnvEvento>")]
    [InlineData("<retInutNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><tpAmb>2</tpAmb></retInutNFe>")]
    [InlineData("<retConsCad xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"2.00\"><infCons><verAplic>X</verAplic><cStat>111</cStat><xMotivo>x</xMotivo><UF>SP</UF><dhCons>ontem</dhCons><cUF>35</cUF></infCons></retConsCad>")]
    [InlineData("<retEnviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"/>")]
    public void Malformed_or_unexpected_answers_are_refused_with_a_code(string xml)
    {
        var root = SafeXml.Load(xml).DocumentElement!;

        var refused = Assert.Throws<XmlInputException>(() => Parse(root));

        Assert.Contains(refused.Code, new[] { ProtocolErrorCodes.Xml.Malformed, ProtocolErrorCodes.Xml.UnexpectedRoot });
    }

    private static object Parse(XmlElement root) => root.LocalName switch
    {
        "retInutNFe" => NfeResponses.ParseRetInutNFe(root),
        "retConsCad" => NfeResponses.ParseRetConsCad(root),
        _ => NfeResponses.ParseRetEnvEvento(root),
    };

    private static string Read(string fixture) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Responses", fixture));

    private static XmlElement Load(string fixture) => LoadWithSource(fixture).Root;

    private static (XmlElement Root, string Source) LoadWithSource(string fixture)
    {
        var source = Read(fixture);
        return (SafeXml.Load(source).DocumentElement!, source);
    }
}
