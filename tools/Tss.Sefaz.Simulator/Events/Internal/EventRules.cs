using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Hosting;

namespace Tss.Sefaz.Simulator.Events.Internal;

/// <summary>
/// SEFAZ's checks for one cancelamento or CC-e, in order; the first failure is the event's cStat: event type (491),
/// event schema (493), environment (252), Id (572), key check digit (236), órgão (250), signature and signer (297, 298,
/// 290–293, 213), author ≠ emitter (574), dhEvento in the future (578), unknown key (494), event before the
/// authorization (579), duplicate (573), sequence beyond the next one (594); cancelamento: already cancelled (420),
/// protocol (222), deadline (501, NT 2015.002; 220 belonged to the retired cancelamento service); CC-e: NF-e cancelled (580). Otherwise 135 and the event is registered.
/// </summary>
internal sealed partial class EventRules(SimulatorOptions options, AuthorizationStore authorizations, NumberSequences numbers,
    SimulatorCertificates certificates)
{
    private const string NoKey = "00000000000000000000000000000000000000000000";

    private static readonly Dictionary<string, (string Schema, string xEvento)> Supported = new(StringComparer.Ordinal)
    {
        [NfeRequests.TpEventoCancelamento] = ("eventoCancNFe_v1.00.xsd", "Cancelamento registrado"),
        [NfeRequests.TpEventoCartaCorrecao] = ("CCe_v1.00.xsd", "Carta de Correção registrada"),
    };

    public EventAnswer Process(XmlElement evento, DateTimeOffset now, string? svc = null)
    {
        var inf = NfeXml.Child(evento, "infEvento");
        var chNFe = NfeXml.Text(inf, "chNFe") is { } text && KeyShape().IsMatch(text) ? text : NoKey;
        var tpEvento = NfeXml.Text(inf, "tpEvento") is { } tp && SixDigits().IsMatch(tp) ? tp : null;
        var nSeqEvento = NfeXml.Int(inf, "nSeqEvento") is int n and >= 1 and <= 99 ? n : (int?)null;
        var cOrgao = NfeXml.Int(inf, "cOrgao") is int c and >= 11 and <= 92 ? c : options.DefaultcUF;
        var reply = new Reply(options, cOrgao, chNFe, tpEvento, nSeqEvento, now);

        if (tpEvento is null || !Supported.TryGetValue(tpEvento, out var kind))
        {
            return reply.Rejected(491);
        }
        if (!NfeSchemas.Shared.Validate(evento.OuterXml, kind.Schema).IsValid)
        {
            return reply.Rejected(493);
        }
        if (NfeXml.Int(inf, "tpAmb") != options.Environment)
        {
            return reply.Rejected(252);
        }
        if (inf!.GetAttribute("Id") != NfeRequests.EventId(tpEvento, chNFe, nSeqEvento!.Value))
        {
            return reply.Rejected(572);
        }
        if (!AccessKey.TryParse(chNFe, out _, out _))
        {
            return reply.Rejected(236);
        }
        if (cOrgao != int.Parse(chNFe.AsSpan(0, 2), CultureInfo.InvariantCulture))
        {
            return reply.Rejected(250);
        }

        var authorCnpj = NfeXml.Text(inf, "CNPJ");
        var authorCpf = NfeXml.Text(inf, "CPF");
        var signatureStatus = SignedUnitChecks.Check(evento, "infEvento", authorCnpj, authorCpf, now, certificates.ClientCa);
        if (signatureStatus != 0)
        {
            return reply.Rejected(signatureStatus);
        }
        // The key carries the emitter's CNPJ (a CPF left-padded with zeros).
        var emitter = chNFe.Substring(6, 14);
        if ((authorCnpj ?? authorCpf?.PadLeft(14, '0')) != emitter)
        {
            return reply.Rejected(574);
        }

        var dhEvento = DateTimeOffset.Parse(NfeXml.Text(inf, "dhEvento")!, CultureInfo.InvariantCulture);
        if (dhEvento > now + options.EventClockTolerance)
        {
            return reply.Rejected(578);
        }
        if (authorizations.Find(chNFe) is not { } authorization)
        {
            return reply.Rejected(494);
        }
        if (dhEvento < authorization.dhRecbto)
        {
            return reply.Rejected(579);
        }

        var registered = authorizations.Events(chNFe);
        var sameType = registered.Where(e => e.tpEvento == tpEvento).ToList();
        if (sameType.Any(e => e.nSeqEvento == nSeqEvento))
        {
            return reply.Rejected(573);
        }
        if (nSeqEvento > sameType.Select(e => e.nSeqEvento).DefaultIfEmpty(0).Max() + 1)
        {
            return reply.Rejected(594);
        }

        var cancelled = registered.Any(e => e.tpEvento == NfeRequests.TpEventoCancelamento);
        var specific = tpEvento == NfeRequests.TpEventoCancelamento
            ? cancelled ? 420
                : NfeXml.Text(inf, "detEvento", "nProt") != authorization.nProt ? 222
                : now - authorization.dhRecbto > options.CancelDeadline ? 501
                : 0
            : cancelled ? 580 : 0;
        if (specific != 0)
        {
            return reply.Rejected(specific);
        }

        var nProt = numbers.NextProtocol(cOrgao, now);
        var answer = reply.Registered(kind.xEvento, nProt);
        var proc = NfeProcs.ProcEventoNFe(evento.OuterXml, answer.RetEventoXml);
        authorizations.TryAddEvent(new EventRecord(chNFe, tpEvento, nSeqEvento.Value, nProt, now, proc, svc));
        return answer;
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    /// <summary>Writes retEvento 1.00 for one event.</summary>
    private sealed class Reply(SimulatorOptions options, int cOrgao, string chNFe, string? tpEvento, int? nSeqEvento, DateTimeOffset now)
    {
        public EventAnswer Rejected(int cStat) => Build(cStat, null, null);

        public EventAnswer Registered(string xEvento, string nProt) => Build(135, xEvento, nProt);

        private EventAnswer Build(int cStat, string? xEvento, string? nProt)
        {
            using var w = new RetWriter("retEvento", "1.00");
            w.Start("infEvento");
            if (nProt is not null)
            {
                w.Xml.WriteAttributeString("Id", "ID" + nProt);
            }
            w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cOrgao", cOrgao)
                .Element("cStat", cStat).Element("xMotivo", Motivos.Text(cStat)).Element("chNFe", chNFe);
            if (tpEvento is not null)
            {
                w.Element("tpEvento", tpEvento);
            }
            if (xEvento is not null)
            {
                w.Element("xEvento", xEvento);
            }
            if (nSeqEvento is not null)
            {
                w.Element("nSeqEvento", nSeqEvento.Value);
            }
            w.Element("dhRegEvento", now);
            if (nProt is not null)
            {
                w.Element("nProt", nProt);
            }
            w.End();
            return new EventAnswer(chNFe, cStat, w.Finish());
        }
    }
}
