using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.ReceiptQuery;

/// <summary>NFeRetAutorizacao4 (consReciNFe → retConsReciNFe): 104/105/106/656 from the lot engine.</summary>
public sealed partial class ReceiptQueryService(SimulatorOptions options, LotEngine engine) : ISimulatorService
{
    private const string NoReceipt = "000000000000000";

    public string PayloadRoot => "consReciNFe";

    public string WsdlService => "NFeRetAutorizacao4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nRec = ReadReceipt(request.Payload);
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "consReciNFe_v4.00.xsd").IsValid)
        {
            return Reject(request.Payload, 215, Motivos.Text(215));
        }

        if (NfeXml.Int(request.Payload, "tpAmb") != options.Environment)
        {
            return Reject(request.Payload, 252, Motivos.Text(252));
        }

        var answer = engine.Query(nRec, request.TransmitterCnpj);
        using var w = Header(nRec, answer.cStat, answer.xMotivo, answer.cUF, answer.dhRecbto);
        foreach (var document in answer.Documents)
        {
            w.Raw(document.ProtNFeXml);
        }

        return new ServiceAnswer(w.Finish(), [answer.cStat, .. answer.Documents.Select(d => d.cStat)])
        {
            nRec = nRec,
            chNFe = [.. answer.Documents.Select(d => d.chNFe)],
        };
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo)
    {
        var nRec = payload is null ? NoReceipt : ReadReceipt(payload);
        using var w = Header(nRec, cStat, xMotivo, options.DefaultcUF, engine.Now);
        return new ServiceAnswer(w.Finish(), [cStat]) { nRec = nRec };
    }

    private static string ReadReceipt(XmlElement payload)
    {
        var text = NfeXml.Text(payload, "nRec");
        return text is not null && Receipt().IsMatch(text) ? text : NoReceipt;
    }

    private RetWriter Header(string nRec, int cStat, string xMotivo, int cUF, DateTimeOffset dhRecbto)
    {
        var w = new RetWriter("retConsReciNFe");
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("nRec", nRec)
            .Element("cStat", cStat).Element("xMotivo", xMotivo).Element("cUF", cUF).Element("dhRecbto", dhRecbto);
        return w;
    }

    [GeneratedRegex("^[0-9]{15}$")]
    private static partial Regex Receipt();
}
