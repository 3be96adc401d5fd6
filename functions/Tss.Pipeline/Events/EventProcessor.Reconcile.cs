using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Events;

public sealed partial class EventProcessor
{
    /// <summary>
    /// The outcome of events whose send may have reached SEFAZ: NFeConsultaProtocolo lists every registered event of
    /// the key (procEventoNFe). Found → registered with SEFAZ's own procEventoNFe; not listed → safe to send again
    /// (a few times at most); consultation failed → still unknown, asked again after the retry delay.
    /// </summary>
    private async Task<IReadOnlyList<EventAnswer>> ReconcileAsync(IReadOnlyList<EventRecord> events, SefazTarget target, X509Certificate2 cert,
        DateTimeOffset now, CancellationToken ct)
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
                LogConsultFailed(logger, group.Key, x.Code.ToString());
                answers.AddRange(group.Select(e => new EventAnswer.Unknown(e, now + _e.RetryDelay)));
                continue;
            }
            var registered = consult.procEventoNFeXml.Select(ReadProc).OfType<(string TpEvento, int NSeq, RetEvento Ret, string Xml)>().ToList();
            foreach (var e in group)
            {
                var found = registered.FirstOrDefault(r => r.TpEvento == e.tpEvento && r.NSeq == e.nSeqEvento);
                answers.Add(found.Xml is not null
                    ? EventAnswer.Registered(e, found.Ret, found.Xml)
                    : e.SendAttempts >= MaxSendAttempts
                        ? EventAnswer.Rejected(e, null, "Evento não confirmado pela SEFAZ após várias tentativas; verifique e envie novamente.", null)
                        : EventAnswer.Retry(e, null));
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
