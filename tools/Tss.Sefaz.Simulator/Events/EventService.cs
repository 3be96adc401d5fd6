using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Events.Internal;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Hosting;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Events;

/// <summary>
/// NFeRecepcaoEvento4 (envEvento → retEnvEvento) for cancelamento (110111) and carta de correção (110110): lot schema
/// (215) and órgão (477), then each event through <see cref="EventRules"/>; 128 with one retEvento per event.
/// Events are processed one lot at a time, so the checks and the registration of an event are atomic.
/// </summary>
public sealed class EventService : ISimulatorService
{
    private readonly SimulatorOptions _options;
    private readonly LotEngine _engine;
    private readonly FaultRegistry _faults;
    private readonly EventRules _rules;
    private readonly Lock _gate = new();

    public EventService(SimulatorOptions options, LotEngine engine, FaultRegistry faults, AuthorizationStore authorizations,
        NumberSequences numbers, SimulatorCertificates certificates)
    {
        _options = options;
        _engine = engine;
        _faults = faults;
        _rules = new EventRules(options, authorizations, numbers, certificates);
    }

    public string PayloadRoot => "envEvento";

    public string WsdlService => "NFeRecepcaoEvento4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var envEvento = request.Payload;
        var idLote = LotId(envEvento);
        var eventos = NfeXml.Children(envEvento, "evento").ToList();
        var cOrgao = eventos.Select(e => NfeXml.Int(e, "infEvento", "cOrgao")).FirstOrDefault(c => c is >= 11 and <= 92) ?? _options.DefaultcUF;

        if (_faults.TakeParalysis(WsdlService, PayloadRoot, cOrgao) is { } paralysis)
        {
            return Lot(idLote, cOrgao, paralysis.cStat, paralysis.xMotivo ?? Motivos.Text(paralysis.cStat), []);
        }

        if (!NfeSchemas.Shared.Validate(envEvento.OuterXml, "envEvento_v1.00.xsd").IsValid)
        {
            return Lot(idLote, cOrgao, 215, Motivos.Text(215), []);
        }

        if (eventos.Any(e => NfeXml.Int(e, "infEvento", "cOrgao") != cOrgao))
        {
            return Lot(idLote, cOrgao, 477, Motivos.Text(477), []);
        }

        // A lot that became due since the last call must be visible here, as it would be at SEFAZ.
        _engine.CatchUp();
        lock (_gate)
        {
            var now = _engine.Now;
            var answers = eventos.Select(e => _rules.Process(e, now, request.Svc)).ToList();
            return Lot(idLote, cOrgao, 128, Motivos.Text(128), answers);
        }
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) =>
        Lot(payload is null ? "0" : LotId(payload), _options.DefaultcUF, cStat, xMotivo, []);

    private static string LotId(XmlElement envEvento)
    {
        var text = NfeXml.Text(envEvento, "idLote");
        return text is { Length: >= 1 and <= 15 } && text.All(char.IsAsciiDigit) ? text : "0";
    }

    private ServiceAnswer Lot(string idLote, int cOrgao, int cStat, string xMotivo, IReadOnlyList<EventAnswer> events)
    {
        using var w = new RetWriter("retEnvEvento", "1.00");
        w.Element("idLote", idLote).Element("tpAmb", _options.Environment).Element("verAplic", _options.VerAplic)
            .Element("cOrgao", cOrgao).Element("cStat", cStat).Element("xMotivo", xMotivo);
        foreach (var answer in events)
        {
            w.Raw(answer.RetEventoXml);
        }
        return new ServiceAnswer(w.Finish(), [cStat, .. events.Select(e => e.cStat)])
        {
            idLote = idLote,
            chNFe = [.. events.Select(e => e.chNFe)],
        };
    }
}
