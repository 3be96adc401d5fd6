using System.Globalization;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Events;
using Tss.Sefaz.Simulator.Hosting;

namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>
/// NFeRecepcaoEvento4 in front of <see cref="EventService"/>: a lot addressed to the Ambiente Nacional (cOrgao 91) is a
/// manifestação do destinatário (210200, 210210, 210220, 210240) and is answered here; every other lot goes to the
/// UF's event service unchanged, and a lot of EPECs (110140) goes to <see cref="Epec.EpecService"/>. Per event: type (491), schema (493), environment (252), Id (572), signature and signer
/// (297/298/29x/213), then <see cref="DistributionStore.RegisterManifestacao"/> (494, 573, 655, 135).
/// </summary>
public sealed class ManifestacaoRouter(EventService events, DistributionStore store, SimulatorOptions options,
    SimulatorCertificates certificates, TimeProvider time, Epec.EpecService epec) : ISimulatorService
{
    /// <summary>cOrgao of the Ambiente Nacional.</summary>
    public const int AmbienteNacional = 91;

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["210200"] = "Confirmacao da Operacao",
        ["210210"] = "Ciencia da Operacao",
        ["210220"] = "Desconhecimento da Operacao",
        ["210240"] = "Operacao nao Realizada",
    };

    public string PayloadRoot => events.PayloadRoot;

    public string WsdlService => events.WsdlService;

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventos = NfeXml.Children(request.Payload, "evento").ToList();
        if (eventos.Count == 0 || eventos.Any(e => NfeXml.Int(e, "infEvento", "cOrgao") != AmbienteNacional))
        {
            return events.Handle(request);
        }
        if (Epec.EpecService.IsEpecLot(eventos))
        {
            return epec.Handle(request);
        }
        var idLote = NfeXml.Text(request.Payload, "idLote") ?? "0";
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "envEvento_v1.00.xsd").IsValid)
        {
            return Lot(idLote, 215, []);
        }
        var now = time.GetUtcNow();
        return Lot(idLote, 128, [.. eventos.Select(e => Process(e, now))]);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) => events.Reject(payload, cStat, xMotivo);

    private (string chNFe, int cStat, string Xml) Process(XmlElement evento, DateTimeOffset now)
    {
        var inf = NfeXml.Child(evento, "infEvento");
        var chNFe = NfeXml.Text(inf, "chNFe") ?? new string('0', 44);
        var tpEvento = NfeXml.Text(inf, "tpEvento") ?? "";
        var nSeq = NfeXml.Int(inf, "nSeqEvento") ?? 1;
        var author = NfeXml.Text(inf, "CNPJ");
        int cStat;
        if (!Descriptions.ContainsKey(tpEvento))
        {
            cStat = 491;
        }
        else if (!NfeSchemas.Shared.Validate(evento.OuterXml, "confRecebto_v1.00.xsd").IsValid)
        {
            cStat = 493;
        }
        else if (NfeXml.Int(inf, "tpAmb") != options.Environment)
        {
            cStat = 252;
        }
        else if (inf!.GetAttribute("Id") != NfeRequests.EventId(tpEvento, chNFe, nSeq))
        {
            cStat = 572;
        }
        else if (SignedUnitChecks.Check(evento, "infEvento", author, NfeXml.Text(inf, "CPF"), now, certificates.ClientCa) is var signature and not 0)
        {
            cStat = signature;
        }
        else
        {
            cStat = store.RegisterManifestacao(author ?? NfeXml.Text(inf, "CPF")!.PadLeft(14, '0'), chNFe, tpEvento);
        }
        return (chNFe, cStat, RetEvento(chNFe, tpEvento, nSeq, author, cStat, now));
    }

    private string RetEvento(string chNFe, string tpEvento, int nSeq, string? author, int cStat, DateTimeOffset now)
    {
        using var w = new RetWriter("retEvento", "1.00");
        w.Start("infEvento");
        var nProt = cStat == 135 ? string.Create(CultureInfo.InvariantCulture, $"891{now.Year % 100:00}{now.ToUnixTimeMilliseconds() % 10_000_000_000:0000000000}") : null;
        if (nProt is not null)
        {
            w.Xml.WriteAttributeString("Id", "ID" + nProt);
        }
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cOrgao", AmbienteNacional)
            .Element("cStat", cStat).Element("xMotivo", cStat == 135 ? "Evento registrado e vinculado a NF-e" : Motivos.Text(cStat))
            .Element("chNFe", chNFe);
        if (cStat == 135)
        {
            w.Element("tpEvento", tpEvento).Element("xEvento", Descriptions[tpEvento]).Element("nSeqEvento", nSeq);
            if (author is not null)
            {
                w.Element("CNPJDest", author);
            }
        }
        w.Element("dhRegEvento", now);
        if (nProt is not null)
        {
            w.Element("nProt", nProt);
        }
        w.End();
        return w.Finish();
    }

    private ServiceAnswer Lot(string idLote, int cStat, IReadOnlyList<(string chNFe, int cStat, string Xml)> answers)
    {
        using var w = new RetWriter("retEnvEvento", "1.00");
        w.Element("idLote", idLote).Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic)
            .Element("cOrgao", AmbienteNacional).Element("cStat", cStat).Element("xMotivo", Motivos.Text(cStat));
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
