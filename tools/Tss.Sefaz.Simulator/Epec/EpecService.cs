using System.Xml;
using Tss.Protocol.Reference;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Hosting;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>
/// The Ambiente Nacional's EPEC service: an envEvento to cOrgao 91 whose events are all 110140 (routed here by
/// <see cref="Distribuicao.ManifestacaoRouter"/>). Lot schema (215), then each EPEC through <see cref="EpecRules"/>;
/// 128 with one retEvento per EPEC. Taken down with <c>PUT /admin/epec/outage</c> (HTTP 503 like a down UF).
/// </summary>
public sealed class EpecService(SimulatorOptions options, AuthorizationStore authorizations, EpecRegistry registry,
    NumberSequences numbers, SimulatorCertificates certificates, TimeProvider time)
{
    private readonly EpecRules _rules = new(options, authorizations, registry, numbers, certificates);

    /// <summary>True when every event of the lot is an EPEC (tpEvento 110140).</summary>
    public static bool IsEpecLot(IReadOnlyCollection<XmlElement> eventos)
    {
        ArgumentNullException.ThrowIfNull(eventos);
        return eventos.Count > 0 && eventos.All(e => NfeXml.Text(e, "infEvento", "tpEvento") == Tss.Protocol.Messages.NfeRequests.TpEventoEpec);
    }

    /// <summary>Answers an EPEC lot.</summary>
    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventos = NfeXml.Children(request.Payload, "evento").ToList();
        var idLote = NfeXml.Text(request.Payload, "idLote") ?? "0";
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "envEPEC_v1.00.xsd").IsValid)
        {
            return Lot(idLote, 215, []);
        }
        var now = time.GetUtcNow();
        return Lot(idLote, 128, [.. eventos.Select(e => _rules.Process(e, now))]);
    }

    private ServiceAnswer Lot(string idLote, int cStat, IReadOnlyList<(string chNFe, int cStat, string Xml)> answers)
    {
        using var w = new RetWriter("retEnvEvento", "1.00");
        w.Element("idLote", idLote).Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic)
            .Element("cOrgao", UfCodes.AmbienteNacional).Element("cStat", cStat).Element("xMotivo", Motivos.Text(cStat));
        foreach (var answer in answers)
        {
            w.Raw(answer.Xml);
        }
        return new ServiceAnswer(w.Finish(), [cStat, .. answers.Select(a => a.cStat)])
        {
            idLote = idLote,
            chNFe = [.. answers.Select(a => a.chNFe)],
        };
    }
}
