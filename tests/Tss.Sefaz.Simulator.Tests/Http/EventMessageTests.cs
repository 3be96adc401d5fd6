using Tss.Protocol.Messages;
using Tss.Protocol.Signing;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>
/// Hand-written and hostile requests to the event, inutilização and cadastro services: every answer is a schema-valid
/// ret element with the expected cStat, and nothing is registered.
/// </summary>
public class EventMessageTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private const string Key = "35260711222333000181550010000123451314159264";

    public static TheoryData<string, string> Oversized => new()
    {
        { "NFeRecepcaoEvento4", $"<envEvento xmlns=\"{Payloads.Nfe}\" versao=\"1.00\"><idLote>1</idLote></envEvento>" },
        { "NFeInutilizacao4", $"<inutNFe xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"/>" },
        { "CadConsultaCadastro4", $"<ConsCad xmlns=\"{Payloads.Nfe}\" versao=\"2.00\"/>" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task Oversized_message_is_answered_214_by_each_new_service(string service, string payload)
    {
        var padding = $"<soap:Header><pad xmlns=\"urn:pad\">{new string('x', 520_000)}</pad></soap:Header>";

        var reply = await simulator.PostAsync(Payloads.Envelope(service, payload, padding));

        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(214, reply.cStat);
    }

    [Theory]
    [InlineData("<envEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\"><evento versao=\"1.00\"/></envEvento>")]
    [InlineData("<envEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"1.00\"><idLote>&lt;script&gt;</idLote></envEvento>")]
    [InlineData("<envEvento xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"9.99\"><idLote>1</idLote></envEvento>")]
    public async Task Malformed_event_lot_is_answered_215_without_event_answers(string payload)
    {
        var reply = await simulator.CallAsync("NFeRecepcaoEvento4", payload);

        Assert.Equal(215, reply.cStat);
        Assert.Null(reply.Text("retEvento"));
    }

    [Fact]
    public async Task Unsupported_event_type_is_491_and_unsigned_schema_breaking_event_is_493()
    {
        var foreign = SignedEvent(NfeRequests.CartaCorrecao(35, 2, TestPki.EmitterCnpj, Key, Now, 1, "Evento de tipo desconhecido aqui")
            .Replace("110110", "999999", StringComparison.Ordinal));
        var broken = SignedEvent(NfeRequests.CartaCorrecao(35, 2, TestPki.EmitterCnpj, Key, Now, 1, "Condição de uso adulterada no texto")
            .Replace("III - a data de emissao ou de saida.", "III - nada.", StringComparison.Ordinal));

        var unsupported = await simulator.CallAsync("NFeRecepcaoEvento4", NfeRequests.EnvEvento(1, [foreign]));
        var invalid = await simulator.CallAsync("NFeRecepcaoEvento4", NfeRequests.EnvEvento(2, [broken]));

        Assert.Equal((128, "491"), (unsupported.cStat, EventStatus(unsupported)));
        Assert.Equal((128, "493"), (invalid.cStat, EventStatus(invalid)));
    }

    [Fact]
    public async Task Event_whose_Id_does_not_match_its_fields_is_572()
    {
        var evento = NfeRequests.CartaCorrecao(35, 2, TestPki.EmitterCnpj, Key, Now, 1, "Correção com Id de outra sequência")
            .Replace($"{Key}01\"", $"{Key}02\"", StringComparison.Ordinal);

        var reply = await simulator.CallAsync("NFeRecepcaoEvento4", NfeRequests.EnvEvento(1, [SignedEvent(evento)]));

        Assert.Equal("572", EventStatus(reply));
    }

    [Fact]
    public async Task Inutilizacao_answers_are_schema_valid_for_homologation_and_refusals()
    {
        await simulator.ResetAsync();
        var inut = SignedInut(8000, 8009);

        var homologated = await simulator.CallAsync("NFeInutilizacao4", inut);
        var again = await simulator.CallAsync("NFeInutilizacao4", inut);
        var reversed = await simulator.CallAsync("NFeInutilizacao4", SignedInut(20, 10));
        var broken = await simulator.CallAsync("NFeInutilizacao4", $"<inutNFe xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"><infInut/></inutNFe>");
        var unsigned = await simulator.CallAsync("NFeInutilizacao4", NfeRequests.InutNFe(2, 35, Now.Year % 100, TestPki.EmitterCnpj, 55, 1, 9000, 9001, "Numeração pulada por falha do sistema"));

        Assert.Equal((102, "8000", "8009"), (homologated.cStat, homologated.Text("nNFIni"), homologated.Text("nNFFin")));
        Assert.Equal(563, again.cStat);
        Assert.Equal(224, reversed.cStat);
        Assert.Equal(215, broken.cStat);
        Assert.Equal(215, unsigned.cStat);
    }

    [Fact]
    public async Task Inutilizacao_signed_by_another_company_is_213()
    {
        var signed = new XmlDsigSigner(TestPki.Transmitter).Sign(
            NfeRequests.InutNFe(2, 35, Now.Year % 100, TestPki.EmitterCnpj, 55, 2, 1, 5, "Numeração pulada por falha do sistema"), "infInut");

        Assert.Equal(213, (await simulator.CallAsync("NFeInutilizacao4", signed)).cStat);
    }

    [Theory]
    [InlineData("<CNPJ>11222333000180</CNPJ>", 258)]
    [InlineData("<CPF>12345678909</CPF>", 262)]
    [InlineData("<IE>110042490114</IE>", 261)]
    [InlineData("<CNPJ>11444777000161</CNPJ>", 259)]
    public async Task Cadastro_answers_are_schema_valid(string party, int cStat)
    {
        var reply = await simulator.CallAsync("CadConsultaCadastro4",
            $"<ConsCad xmlns=\"{Payloads.Nfe}\" versao=\"2.00\"><infCons><xServ>CONS-CAD</xServ><UF>SP</UF>{party}</infCons></ConsCad>");

        Assert.Equal(cStat, reply.cStat);
    }

    [Fact]
    public async Task Cadastro_query_breaking_the_schema_is_215_and_echoes_no_hostile_text()
    {
        var reply = await simulator.CallAsync("CadConsultaCadastro4",
            $"<ConsCad xmlns=\"{Payloads.Nfe}\" versao=\"2.00\"><infCons><xServ>CONS-CAD</xServ><UF>SP</UF><CNPJ>&lt;b&gt;1</CNPJ></infCons></ConsCad>");

        Assert.Equal(215, reply.cStat);
        Assert.DoesNotContain("&lt;b&gt;", reply.Body, StringComparison.Ordinal);
    }

    private DateTimeOffset Now => simulator.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(-3));

    private static string SignedEvent(string evento) => new XmlDsigSigner(TestPki.Signer).Sign(evento, "infEvento");

    // Written by hand around the builder, which refuses a reversed range.
    private string SignedInut(int ini, int fin)
    {
        var xml = NfeRequests.InutNFe(2, 35, Now.Year % 100, TestPki.EmitterCnpj, 55, 1, Math.Min(ini, fin), Math.Max(ini, fin), "Numeração pulada por falha do sistema")
            .Replace($"<nNFIni>{Math.Min(ini, fin)}</nNFIni><nNFFin>{Math.Max(ini, fin)}</nNFFin>", $"<nNFIni>{ini}</nNFIni><nNFFin>{fin}</nNFFin>", StringComparison.Ordinal);
        return new XmlDsigSigner(TestPki.Signer).Sign(xml, "infInut");
    }

    private static string? EventStatus(SoapReply reply) =>
        reply.Ret.GetElementsByTagName("retEvento", Payloads.Nfe).Count == 1
            ? reply.Ret.GetElementsByTagName("retEvento", Payloads.Nfe)[0]!.ChildNodes[0]!.ChildNodes.OfType<System.Xml.XmlElement>().Single(e => e.LocalName == "cStat").InnerText
            : null;
}
