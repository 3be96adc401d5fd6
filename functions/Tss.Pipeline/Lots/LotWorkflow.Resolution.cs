using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;

namespace Tss.Pipeline.Lots;

public static partial class LotWorkflow
{
    private static LotDecision ResolveProtocols(LotState s, IReadOnlyList<ProtNFe> prots, LotPolicy policy)
    {
        var outcomes = new List<DocumentOutcome>();
        var open = new List<AccessKey>();
        var byKey = prots.GroupBy(p => p.chNFe, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var key in s.OpenKeys)
        {
            if (!byKey.TryGetValue(key.Value, out var prot))
            {
                open.Add(key); // SEFAZ did not answer for it: find out by key
                continue;
            }
            switch (CStatTables.Protocol.React(prot.cStat))
            {
                case CStatReaction.Authorize:
                    outcomes.Add((new DocumentOutcome.Authorized(key, prot, FromConsult: false)));
                    break;
                case CStatReaction.Deny:
                    outcomes.Add((new DocumentOutcome.Denied(key, prot)));
                    break;
                case CStatReaction.ReconcileByKey:
                    open.Add(key);
                    break;
                default:
                    outcomes.Add((new DocumentOutcome.Rejected(key, prot.cStat, prot.xMotivo)));
                    break;
            }
        }
        return Continue(s with { OpenKeys = open }, outcomes, policy, immediate: true);
    }

    private static LotDecision OnConsult(LotState s, IReadOnlyDictionary<AccessKey, RetConsSitNFe> answers, LotPolicy policy)
    {
        var outcomes = new List<DocumentOutcome>();
        var open = new List<AccessKey>();
        var notFound = new List<AccessKey>();
        var blocked = false;
        var retryAfter = TimeSpan.Zero;
        foreach (var key in s.OpenKeys)
        {
            if (!answers.TryGetValue(key, out var a))
            {
                open.Add(key); // the call failed: ask again
                continue;
            }
            var reaction = CStatTables.ConsultaProtocolo.React(a.cStat);
            if (reaction == CStatReaction.BlockOneHour)
            {
                blocked = true;
                open.Add(key);
            }
            else if (reaction == CStatReaction.Requeue)
            {
                notFound.Add(key);
            }
            else if (reaction is CStatReaction.RetryAfterParalysis or CStatReaction.RetryWithBackoff)
            {
                // The service answered without looking at the document (paralysed, internal error): ask again later.
                open.Add(key);
                var wait = reaction == CStatReaction.RetryAfterParalysis ? policy.ParalysedRetry : policy.TransportRetry;
                retryAfter = wait > retryAfter ? wait : retryAfter;
            }
            else if (reaction == CStatReaction.Authorize && a.protNFe is { } prot && CStatTables.Protocol.React(prot.cStat) == CStatReaction.Authorize)
            {
                outcomes.Add((new DocumentOutcome.Authorized(key, prot, FromConsult: true)));
            }
            else if (a.protNFe is { } denied && CStatTables.Protocol.React(denied.cStat) == CStatReaction.Deny)
            {
                outcomes.Add((new DocumentOutcome.Denied(key, denied)));
            }
            else
            {
                outcomes.Add((new DocumentOutcome.Rejected(key, a.cStat, a.xMotivo)));
            }
        }

        var rounds = s.NotFoundRounds;
        IReadOnlyList<AccessKey> requeued = s.Requeued;
        if (notFound.Count > 0)
        {
            rounds++;
            if (rounds >= policy.NotFoundConsultsBeforeRequeue)
            {
                // Consulted twice, a wait apart, and SEFAZ has no record: it never received them. Safe to send again.
                outcomes.AddRange(notFound.Select(k => new DocumentOutcome.Requeued(k)));
                requeued = [.. s.Requeued, .. notFound];
            }
            else
            {
                open.AddRange(notFound);
            }
        }
        var next = s with { OpenKeys = open, NotFoundRounds = rounds, Requeued = requeued };
        if (blocked)
        {
            return new(next with { Phase = LotPhase.Reconciling }, outcomes, LotAction.Consult, policy.ConsumptionBlock);
        }
        if (retryAfter > TimeSpan.Zero)
        {
            return new(next with { Phase = LotPhase.Reconciling }, outcomes, LotAction.Consult, retryAfter);
        }
        return Continue(next, outcomes, policy, immediate: notFound.Count == 0);
    }

    /// <summary>Closes the lot when nothing is open, otherwise consults the open keys.</summary>
    private static LotDecision Continue(LotState s, List<DocumentOutcome> outcomes, LotPolicy policy, bool immediate)
    {
        if (s.OpenKeys.Count == 0)
        {
            return new(s with { Phase = LotPhase.Closed }, outcomes, LotAction.Close, TimeSpan.Zero);
        }
        return new(s with { Phase = LotPhase.Reconciling }, outcomes, LotAction.Consult, immediate ? TimeSpan.Zero : policy.MinFirstPoll);
    }
}
