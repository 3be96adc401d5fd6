using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.ProtocolQuery;
using Tss.Sefaz.Simulator.ReceiptQuery;
using Tss.Sefaz.Simulator.Tests.Lots;

namespace Tss.Sefaz.Simulator.Tests.Answers;

/// <summary>Every answer shape the services build is valid against the official ret schemas.</summary>
public class AnswerSchemaTests
{
    private const string Nfe = "http://www.portalfiscal.inf.br/nfe";

    [Theory]
    [InlineData(104)]
    [InlineData(105)]
    [InlineData(106)]
    [InlineData(656)]
    public void Receipt_answers_are_schema_valid(int expected)
    {
        var h = new EngineHarness(o => o.ConsumptionViolationThreshold = expected == 656 ? 0 : 100);
        var service = new ReceiptQueryService(h.Options, h.Engine);
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2) with { RejectioncStat = 297, RejectionxMotivo = "Rejeição: Assinatura difere do calculado" });
        if (expected == 104)
        {
            h.Advance(2);
        }

        var nRec = expected == 106 ? "351000000999999" : receipt.nRec!;
        var answer = service.Handle(Request($"<consReciNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><nRec>{nRec}</nRec></consReciNFe>"));

        Assert.Equal(expected, answer.cStat[0]);
        AssertValid(answer.RetXml);
    }

    [Theory]
    [InlineData(214)]
    [InlineData(281)]
    [InlineData(282)]
    public void Message_level_rejections_are_schema_valid_for_every_service(int cStat)
    {
        var h = new EngineHarness();
        ISimulatorService[] services =
        [
            new ReceiptQueryService(h.Options, h.Engine),
            new ProtocolQueryService(h.Options, h.Engine, h.Authorizations),
            new StatusService.StatusService(h.Options, h.Time, h.Faults),
        ];
        foreach (var service in services)
        {
            AssertValid(service.Reject(null, cStat, Motivos.Text(cStat)).RetXml);
        }
    }

    [Fact]
    public void Status_answers_are_schema_valid_in_operation_and_paralysed()
    {
        var h = new EngineHarness();
        var service = new StatusService.StatusService(h.Options, h.Time, h.Faults);
        var request = Request($"<consStatServ xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><cUF>43</cUF><xServ>STATUS</xServ></consStatServ>");

        var running = service.Handle(request);
        h.Faults.Add(new FaultSpec { Kind = FaultKind.Paralysis, cStat = 109 });
        var paralysed = service.Handle(request);

        Assert.Equal([107], running.cStat);
        Assert.Equal([109], paralysed.cStat);
        AssertValid(running.RetXml);
        AssertValid(paralysed.RetXml);
    }

    [Fact]
    public void Protocol_query_answer_for_an_authorized_key_carries_the_stored_protocol()
    {
        var h = new EngineHarness();
        var key = ValidKey(EngineHarness.Key(1));
        var authorized = h.Send(true, EngineHarness.Document(1) with { chNFe = key }).Sync!;
        var service = new ProtocolQueryService(h.Options, h.Engine, h.Authorizations);

        var answer = service.Handle(Request($"<consSitNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><xServ>CONSULTAR</xServ><chNFe>{key}</chNFe></consSitNFe>"));

        Assert.Equal([100], answer.cStat);
        Assert.Contains(authorized.ProtNFeXml, answer.RetXml, StringComparison.Ordinal);
        AssertValid(answer.RetXml);
    }

    [Fact]
    public void Protocol_query_answers_for_unknown_and_malformed_keys_are_schema_valid()
    {
        var h = new EngineHarness();
        var service = new ProtocolQueryService(h.Options, h.Engine, h.Authorizations);
        var key = ValidKey(EngineHarness.Key(9));
        var wrongDv = key[..43] + (char)('0' + ((key[43] - '0' + 1) % 10));

        foreach (var (chNFe, expected) in new[] { (key, 217), (wrongDv, 236), ("123", 215) })
        {
            var answer = service.Handle(Request($"<consSitNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><xServ>CONSULTAR</xServ><chNFe>{chNFe}</chNFe></consSitNFe>"));
            Assert.Equal([expected], answer.cStat);
            AssertValid(answer.RetXml);
        }
    }

    private static string ValidKey(string key) =>
        key[..43] + Tss.Protocol.AccessKeys.AccessKey.ComputeCheckDigit(key.AsSpan(0, 43));

    private static ServiceRequest Request(string payload)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(payload);
        return new ServiceRequest(document.DocumentElement!, null, EngineHarness.Transmitter);
    }

    private static void AssertValid(string ret)
    {
        var result = NfeSchemas.Shared.Validate(ret);
        Assert.True(result.IsValid, $"{result.SchemaFile}: {string.Join("; ", result.Errors.Select(e => e.Message))}\n{ret}");
    }
}
