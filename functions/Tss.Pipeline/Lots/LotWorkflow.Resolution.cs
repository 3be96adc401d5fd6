using Tss.Protocol.Messages;
using static Tss.Pipeline.Lots.LotCommand;

namespace Tss.Pipeline.Lots;

public static partial class LotWorkflow
{
    private static LotDecision ResolveProtocols(LotState s, IReadOnlyList<ProtNFe> prots, DateTimeOffset now, LotPolicy policy)
    {
        var commands = new List<LotCommand>();
        var open = new List<string>();
        var byKey = prots.GroupBy(p => p.chNFe).ToDictionary(g => g.Key, g => g.First());
        foreach (var key in s.OpenKeys)
        {
            if (!byKey.TryGetValue(key, out var prot))
            {
                open.Add(key); // SEFAZ did not answer for it: find out by key
                continue;
            }
            switch (CStatReactions.ForProtocol(prot.cStat))
            {
                case CStatReactions.Reaction.Authorized:
                    commands.Add(new Resolve(new DocumentOutcome.Authorized(key, prot, FromConsult: false)));
                    break;
                case CStatReactions.Reaction.Denied:
                    commands.Add(new Resolve(new DocumentOutcome.Denied(key, prot)));
                    break;
                case CStatReactions.Reaction.ConsultExisting:
                    open.Add(key);
                    break;
                default:
                    commands.Add(new Resolve(new DocumentOutcome.Rejected(key, prot.cStat, prot.xMotivo)));
                    break;
            }
        }
        return Continue(s with { OpenKeys = open }, commands, now, policy, immediate: true);
    }

    private static LotDecision OnConsult(LotState s, IReadOnlyDictionary<string, RetConsSitNFe> answers, DateTimeOffset now, LotPolicy policy)
    {
        var commands = new List<LotCommand>();
        var open = new List<string>();
        var notFound = new List<string>();
        var blocked = false;
        foreach (var key in s.OpenKeys)
        {
            if (!answers.TryGetValue(key, out var a))
            {
                open.Add(key); // the call failed: ask again
                continue;
            }
            if (a.cStat == 656)
            {
                blocked = true;
                open.Add(key);
            }
            else if (a.cStat == 217)
            {
                notFound.Add(key);
            }
            else if (CStatReactions.IsAuthorizedConsult(a.cStat) && a.protNFe is { } prot && CStatReactions.ForProtocol(prot.cStat) == CStatReactions.Reaction.Authorized)
            {
                commands.Add(new Resolve(new DocumentOutcome.Authorized(key, prot, FromConsult: true)));
            }
            else if (a.protNFe is { } denied && CStatReactions.ForProtocol(denied.cStat) == CStatReactions.Reaction.Denied)
            {
                commands.Add(new Resolve(new DocumentOutcome.Denied(key, denied)));
            }
            else
            {
                commands.Add(new Resolve(new DocumentOutcome.Rejected(key, a.cStat, a.xMotivo)));
            }
        }

        var rounds = s.NotFoundRounds;
        if (notFound.Count > 0)
        {
            rounds++;
            if (rounds >= policy.NotFoundConsultsBeforeRequeue)
            {
                // Consulted twice, a wait apart, and SEFAZ has no record: it never received them. Safe to send again.
                commands.AddRange(notFound.Select(k => new Resolve(new DocumentOutcome.Requeued(k))));
            }
            else
            {
                open.AddRange(notFound);
            }
        }
        var next = s with { OpenKeys = open, NotFoundRounds = rounds };
        if (blocked)
        {
            var seq = next.TimerSeq + 1;
            commands.Add(new Schedule(LotTimer.Consult, now + policy.ConsumptionBlock, seq));
            return new(next with { PendingTimer = LotTimer.Consult, DueAt = now + policy.ConsumptionBlock, TimerSeq = seq }, commands);
        }
        return Continue(next, commands, now, policy, immediate: notFound.Count == 0);
    }

    /// <summary>Closes the lot when nothing is open, otherwise schedules a consultation round.</summary>
    private static LotDecision Continue(LotState s, List<LotCommand> commands, DateTimeOffset now, LotPolicy policy, bool immediate)
    {
        if (s.OpenKeys.Count == 0)
        {
            commands.Add(new Close());
            return new(s with { Phase = LotPhase.Closed, PendingTimer = null, DueAt = null }, commands);
        }
        var due = immediate ? now : now + policy.MinFirstPoll;
        var seq = s.TimerSeq + 1;
        commands.Add(new Schedule(LotTimer.Consult, due, seq));
        return new(s with { Phase = LotPhase.Reconciling, PendingTimer = LotTimer.Consult, DueAt = due, TimerSeq = seq }, commands);
    }
}
