using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Events;

public sealed partial class EventBatchSteps
{
    /// <summary>
    /// The outcome of the batch's events in flight (the send may have reached SEFAZ): NFeConsultaProtocolo lists every
    /// registered event of the key (procEventoNFe). Found → registered with SEFAZ's own procEventoNFe; not listed →
    /// pending again, safe to send (a few times at most); consultation failed → still in flight, asked again after a
    /// durable wait. Never a blind resend.
    /// </summary>
    public async Task<EventBatchStep> ReconcileAsync(string partition, string batchId, CancellationToken ct)
    {
        var open = await OpenAsync(partition, batchId, ct).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return EventBatchStep.Closed;
        }
        var inFlight = open.Where(e => e.StatusValue == EventStatus.Sending).ToList();
        if (inFlight.Count > 0)
        {
            var (target, cert) = await TargetAsync(inFlight[0], ct).ConfigureAwait(false);
            await WriteAsync(partition, await ConsultAsync(inFlight, target, cert, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        return Next(open, reconcileWait: EventPolicy.For(open[0].tpAmb, eventOptions.Value).RetryDelay, sendWait: TimeSpan.Zero);
    }

    private async Task<IReadOnlyList<EventAnswer>> ConsultAsync(IReadOnlyList<EventRecord> events, SefazTarget target, X509Certificate2 cert, CancellationToken ct)
    {
        var answers = new List<EventAnswer>();
        foreach (var group in events.GroupBy(e => e.chNFe, StringComparer.Ordinal))
        {
            RetConsSitNFe consult;
            try
            {
                consult = await sefaz.ConsultarProtocoloAsync(target, cert, group.Key, ct).ConfigureAwait(false);
            }
            catch (SefazException x)
            {
                Log.EventConsultFailed(logger, group.Key, x.Code.ToString());
                continue; // still in flight
            }
            var registered = consult.procEventoNFeXml.Select(ReadProc).OfType<(string TpEvento, int NSeq, RetEvento Ret, string Xml)>().ToList();
            foreach (var e in group)
            {
                var found = registered.FirstOrDefault(r => r.TpEvento == e.tpEvento && r.NSeq == e.nSeqEvento);
                answers.Add(EventReactions.OnConsult(found.Ret, e.SendAttempts, MaxSendAttempts) switch
                {
                    EventVerdict.Registered r => EventAnswer.Registered(e, r.Ret, found.Xml),
                    EventVerdict.Refused r => EventAnswer.Rejected(e, r.cStat, r.xMotivo, r.dhRegEvento),
                    _ => EventAnswer.Retry(e),
                });
            }
        }
        return answers;
    }

    /// <summary>tpEvento, nSeqEvento and the registration of one procEventoNFe from a consultation; null when unreadable or not a registration.</summary>
    private static (string TpEvento, int NSeq, RetEvento Ret, string Xml)? ReadProc(string xml)
    {
        try
        {
            var root = SafeXml.Load(xml).DocumentElement;
            var evento = Child(root, "evento");
            var inf = Child(evento, "infEvento");
            var retElement = Child(root, "retEvento");
            if (inf is null || retElement is null)
            {
                return null;
            }
            var ret = NfeResponses.ParseRetEvento(retElement);
            var tp = Child(inf, "tpEvento")?.InnerText;
            return ret.IsRegistered && tp is not null && int.TryParse(Child(inf, "nSeqEvento")?.InnerText, out var seq)
                ? (tp, seq, ret, xml)
                : null;
        }
        catch (Exception x) when (x is XmlInputException or XmlException or FormatException)
        {
            return null;
        }
    }

    private static XmlElement? Child(XmlElement? parent, string name) =>
        parent?.ChildNodes.OfType<XmlElement>().FirstOrDefault(c => c.LocalName == name && c.NamespaceURI == NfeNamespaces.Nfe);
}
