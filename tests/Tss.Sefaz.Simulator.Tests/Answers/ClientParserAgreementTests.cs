using System.Xml;
using Tss.Protocol.Messages;
using Tss.Sefaz.Simulator.ReceiptQuery;
using Tss.Sefaz.Simulator.Tests.Lots;

namespace Tss.Sefaz.Simulator.Tests.Answers;

/// <summary>The client's parsers read what the simulator writes, field for field.</summary>
public class ClientParserAgreementTests
{
    private const string Nfe = "http://www.portalfiscal.inf.br/nfe";

    [Fact]
    public void Processed_receipt_answer_is_read_back_by_the_client_parser()
    {
        var h = new EngineHarness();
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        h.Advance(2);
        var service = new ReceiptQueryService(h.Options, h.Engine);
        var payload = Element($"<consReciNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>2</tpAmb><nRec>{receipt.nRec}</nRec></consReciNFe>");

        var answer = service.Handle(new Core.ServiceRequest(payload, null, EngineHarness.Transmitter));
        var parsed = NfeResponses.ParseRetConsReciNFe(Element(answer.RetXml));

        Assert.Equal((2, "TSS-SIM-1.0", receipt.nRec, 104, 35), (parsed.tpAmb, parsed.verAplic, parsed.nRec, parsed.cStat, parsed.cUF));
        Assert.Equal(receipt.dhRecbto, parsed.dhRecbto);
        var stored = h.Authorizations.Find(EngineHarness.Key(1))!;
        var first = parsed.protNFe[0];
        Assert.Equal((stored.chNFe, stored.nProt, stored.digVal, 100), (first.chNFe, first.nProt, first.digVal, first.cStat));
        Assert.Equal(2, parsed.protNFe.Count);
    }

    [Fact]
    public void Synchronous_authorization_answer_is_read_back_by_the_client_parser()
    {
        var h = new EngineHarness();
        var receipt = h.Send(true, EngineHarness.Document(5));
        using var w = new Core.RetWriter("retEnviNFe");
        w.Element("tpAmb", 2).Element("verAplic", "TSS-SIM-1.0").Element("cStat", receipt.cStat).Element("xMotivo", receipt.xMotivo)
            .Element("cUF", receipt.cUF).Element("dhRecbto", receipt.dhRecbto).Raw(receipt.Sync!.ProtNFeXml);

        var parsed = NfeResponses.ParseRetEnviNFe(Element(w.Finish()));

        Assert.Equal(104, parsed.cStat);
        Assert.Equal(receipt.Sync.nProt, parsed.protNFe!.nProt);
        Assert.Equal(100, parsed.protNFe.cStat);
    }

    private static XmlElement Element(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document.DocumentElement!;
    }
}
