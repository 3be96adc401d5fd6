using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;

namespace Tss.Pipeline.Events;

/// <summary>
/// How an event batch reacts to SEFAZ (PROTOCOL.md, NFeRecepcaoEvento4): pure decisions, no I/O, no clock. The batch
/// steps apply them to storage; the batch orchestration follows the <see cref="EventBatchStep"/> they lead to.
/// </summary>
public static class EventReactions
{
    /// <summary>
    /// The verdict for each sent event of an answered envEvento, in the order of <paramref name="sent"/>, and the wait
    /// before the events to resend go again. 128: each event by its own retEvento (135/136/155 registered, 573 already
    /// registered → consult, anything else refused; an event the answer does not list is resent). 108/109/999 and 656:
    /// every event is resent after the policy wait. Any other lot-level cStat refuses every event.
    /// </summary>
    public static (IReadOnlyList<EventVerdict> Verdicts, TimeSpan ResendAfter) OnAnswer(RetEnvEvento answer, IReadOnlyList<EventKey> sent, EventPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(policy);
        if (CStatTables.RecepcaoEvento.React(answer.cStat) != CStatReaction.ReadItems)
        {
            return RetryAfter(answer.cStat, policy) is { } wait
                ? ([.. sent.Select(_ => (EventVerdict)new EventVerdict.Resend())], wait)
                : ([.. sent.Select(_ => (EventVerdict)new EventVerdict.Refused(answer.cStat, answer.xMotivo, null))], TimeSpan.Zero);
        }
        var verdicts = new List<EventVerdict>(sent.Count);
        foreach (var e in sent)
        {
            var ret = answer.retEvento.FirstOrDefault(r => r.chNFe == e.Key.Value && r.tpEvento == e.tpEvento && r.nSeqEvento == e.nSeqEvento)
                ?? (sent.Count == 1 && answer.retEvento.Count == 1 ? answer.retEvento[0] : null); // some authorizers omit the echo fields
            verdicts.Add(ret switch
            {
                null => new EventVerdict.Resend(),
                _ => CStatTables.Evento.React(ret.cStat) switch
                {
                    CStatReaction.Register => new EventVerdict.Registered(ret),
                    CStatReaction.AlreadyRegistered => new EventVerdict.Consult(), // registered by an earlier send whose answer was lost
                    _ => new EventVerdict.Refused(ret.cStat, ret.xMotivo, ret.dhRegEvento),
                },
            });
        }
        return (verdicts, policy.RetryDelay);
    }

    /// <summary>The wait before a batch answered <paramref name="cStat"/> at lot level is sent again; null when the answer is final.</summary>
    public static TimeSpan? RetryAfter(int cStat, EventPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return CStatTables.RecepcaoEvento.React(cStat) switch
        {
            CStatReaction.BlockOneHour => policy.ConsumptionBlock,
            CStatReaction.RetryAfterParalysis or CStatReaction.RetryWithBackoff => policy.RetryDelay,
            _ => null,
        };
    }

    /// <summary>
    /// What a batch does next given its open events: any still in flight (outcome unknown) → reconcile first, never
    /// resend beside them; otherwise any pending → send after <paramref name="sendWait"/>; otherwise close.
    /// </summary>
    public static EventBatchStep Next(int inFlight, int pending, TimeSpan reconcileWait, TimeSpan sendWait) =>
        inFlight > 0 ? new EventBatchStep(EventBatchAction.Reconcile, reconcileWait)
        : pending > 0 ? new EventBatchStep(EventBatchAction.Send, sendWait)
        : EventBatchStep.Closed;

    /// <summary>After a consultation: registered if the key lists the event; otherwise safe to send again, until
    /// <paramref name="maxSends"/> sends are spent (then given up as refused).</summary>
    public static EventVerdict OnConsult(RetEvento? registered, int sendsSoFar, int maxSends) =>
        registered is not null ? new EventVerdict.Registered(registered)
        : sendsSoFar >= maxSends ? new EventVerdict.Refused(null, "Evento não confirmado pela SEFAZ após várias tentativas; verifique e envie novamente.", null)
        : new EventVerdict.Resend();
}
