using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Reference;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.ProtocolQuery;

/// <summary>
/// NFeConsultaProtocolo4 (consSitNFe → retConsSitNFe): the stored protNFe for authorized keys (same nProt) with every
/// registered event (procEventoNFe), 101 once a cancellation is registered, 217 for unknown keys, 236 for a wrong check
/// digit, 226 for an unknown UF.
/// </summary>
public sealed partial class ProtocolQueryService(SimulatorOptions options, LotEngine engine, AuthorizationStore authorizations)
    : ISimulatorService
{
    private const string NoKey = "00000000000000000000000000000000000000000000";

    public string PayloadRoot => "consSitNFe";

    public string WsdlService => "NFeConsultaProtocolo4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chNFe = ReadKey(request.Payload);
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "consSitNFe_v4.00.xsd").IsValid)
        {
            return Build(chNFe, 215, Motivos.Text(215), null);
        }

        if (NfeXml.Int(request.Payload, "tpAmb") != options.Environment)
        {
            return Build(chNFe, 252, Motivos.Text(252), null);
        }

        if (!AccessKey.TryParse(chNFe, out _, out _))
        {
            return Build(chNFe, 236, Motivos.Text(236), null);
        }

        if (UfCodes.ToUf(int.Parse(chNFe.AsSpan(0, 2))) is null)
        {
            return Build(chNFe, 226, Motivos.Text(226), null);
        }

        // A lot that became due since the last call must be visible here, as it would be at SEFAZ.
        engine.CatchUp();
        if (authorizations.Find(chNFe) is not { } record)
        {
            return Build(chNFe, 217, Motivos.Text(217), null);
        }

        // A registered cancellation turns the answer into 101; every registered event is listed.
        var events = authorizations.Events(chNFe);
        var cStat = events.Any(e => e.tpEvento == NfeRequests.TpEventoCancelamento) ? 101 : record.cStat;
        return Build(chNFe, cStat, Motivos.Text(cStat), record, events);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) =>
        Build(payload is null ? NoKey : ReadKey(payload), cStat, xMotivo, null);

    private static string ReadKey(XmlElement payload)
    {
        var text = NfeXml.Text(payload, "chNFe");
        return text is not null && KeyShape().IsMatch(text) ? text : NoKey;
    }

    private ServiceAnswer Build(string chNFe, int cStat, string xMotivo, AuthorizationRecord? record, IReadOnlyList<EventRecord>? events = null)
    {
        var cUF = int.TryParse(chNFe.AsSpan(0, 2), out var fromKey) && UfCodes.ToUf(fromKey) is not null
            ? fromKey
            : options.DefaultcUF;
        using var w = new RetWriter("retConsSitNFe");
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cStat", cStat)
            .Element("xMotivo", xMotivo).Element("cUF", cUF).Element("dhRecbto", engine.Now).Element("chNFe", chNFe);
        if (record is not null)
        {
            w.Raw(record.ProtNFeXml);
        }

        foreach (var registered in events ?? [])
        {
            w.Raw(registered.ProcEventoNFeXml);
        }

        return new ServiceAnswer(w.Finish(), [cStat]) { chNFe = [chNFe] };
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex KeyShape();
}
