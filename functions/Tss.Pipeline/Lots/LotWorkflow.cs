using Tss.Protocol.Messages;
using static Tss.Pipeline.Lots.LotCommand;

namespace Tss.Pipeline.Lots;

/// <summary>
/// The lot state machine: (state, event, now) → (next state, commands). Pure and deterministic, so every path is
/// tested on a fake clock and the same logic could be hosted by Durable Functions.
/// </summary>
public static partial class LotWorkflow
{
    /// <summary>Decides the next state and the commands for <paramref name="e"/>.</summary>
    public static LotDecision Decide(LotState s, LotEvent e, DateTimeOffset now, LotPolicy policy)
    {
        if (s.Phase == LotPhase.Closed)
        {
            return new(s, []); // late answers and stale timers of a closed lot change nothing
        }
        return e switch
        {
            LotEvent.Start when s.Phase == LotPhase.Created => BeginSend(s, now),
            LotEvent.Resumed => Unknown(s, now, policy, "send outcome unknown after restart"),
            LotEvent.SendAnswered a when s.Phase == LotPhase.Sending => OnSendAnswer(s, a.Answer, now, policy),
            LotEvent.SendFailed f when s.Phase == LotPhase.Sending => f.OutcomeUnknown
                ? Unknown(s, now, policy, $"sefaz.{f.Code}")
                : Wait(s with { Phase = LotPhase.Created, LastStatus = $"sefaz.{f.Code}" }, LotTimer.Send, now + Backoff(policy.TransportRetry, s.SendAttempts, TimeSpan.FromMinutes(10))),
            LotEvent.TimerFired t => OnTimer(s, t, now),
            LotEvent.ReceiptAnswered r when s.Phase == LotPhase.AwaitingReceipt => OnReceipt(s, r.Answer, now, policy),
            LotEvent.ReceiptFailed f when s.Phase == LotPhase.AwaitingReceipt =>
                Wait(s with { PollCount = s.PollCount + 1, LastStatus = $"sefaz.{f.Code}" }, LotTimer.Poll, now + Backoff(policy.TransportRetry, s.PollCount, policy.MaxPollInterval)),
            LotEvent.ConsultAnswered c when s.Phase == LotPhase.Reconciling => OnConsult(s, c.Answers, now, policy),
            _ => new(s, []), // an event that does not fit the phase is a duplicate delivery: ignore it
        };
    }

    private static LotDecision BeginSend(LotState s, DateTimeOffset now) =>
        new(s with { Phase = LotPhase.Sending, SendAttempts = s.SendAttempts + 1, SentAt = now, PendingTimer = null, DueAt = null },
            [new Send(s.Sync)]);

    private static LotDecision OnTimer(LotState s, LotEvent.TimerFired fired, DateTimeOffset now)
    {
        var timer = fired.Timer;
        if (s.PendingTimer != timer || s.DueAt is null || fired.Seq != s.TimerSeq)
        {
            return new(s, []); // stale or duplicate timer
        }
        if (now < s.DueAt)
        {
            return new(s, [new Schedule(timer, s.DueAt.Value, s.TimerSeq)]); // surfaced early: re-delay
        }
        var cleared = s with { PendingTimer = null, DueAt = null };
        return timer switch
        {
            LotTimer.Send => BeginSend(cleared, now),
            LotTimer.Poll => new(cleared, [new Poll(s.nRec!)]),
            _ => new(cleared, [new Consult(s.OpenKeys)]),
        };
    }

    private static LotDecision OnSendAnswer(LotState s, RetEnviNFe a, DateTimeOffset now, LotPolicy policy)
    {
        var status = $"{a.cStat} {a.xMotivo}";
        switch (a.cStat)
        {
            case 103 when a.nRec is not null:
                var wait = TimeSpan.FromSeconds(Math.Max(policy.MinFirstPoll.TotalSeconds, a.tMed ?? 0));
                return Wait(s with { Phase = LotPhase.AwaitingReceipt, nRec = a.nRec, SentAt = now, LastStatus = status }, LotTimer.Poll, now + wait);
            case 104 when a.protNFe is not null:
                return ResolveProtocols(s with { LastStatus = status }, [a.protNFe], now, policy);
            case 656:
                return Wait(s with { Phase = LotPhase.Created, LastStatus = status }, LotTimer.Send, now + policy.ConsumptionBlock);
            case 108 or 109:
                return Wait(s with { Phase = LotPhase.Created, LastStatus = status }, LotTimer.Send, now + policy.ParalysedRetry);
            case 999:
                return Wait(s with { Phase = LotPhase.Created, LastStatus = status }, LotTimer.Send, now + Backoff(policy.TransportRetry, s.SendAttempts, TimeSpan.FromMinutes(10)));
            default:
                // A lot-level rejection (schema, size, environment…): the documents are correctable, nothing was authorized.
                var commands = s.OpenKeys.Select(k => (LotCommand)new Resolve(new DocumentOutcome.Rejected(k, a.cStat, a.xMotivo))).ToList();
                commands.Add(new Close());
                return new(s with { Phase = LotPhase.Closed, OpenKeys = [], LastStatus = status, PendingTimer = null, DueAt = null }, commands);
        }
    }

    private static LotDecision OnReceipt(LotState s, RetConsReciNFe a, DateTimeOffset now, LotPolicy policy)
    {
        var polled = s with { PollCount = s.PollCount + 1, LastStatus = $"{a.cStat} {a.xMotivo}" };
        return a.cStat switch
        {
            104 => ResolveProtocols(polled, a.protNFe, now, policy),
            105 => Wait(polled, LotTimer.Poll, now + Backoff(policy.PollInterval, s.PollCount, policy.MaxPollInterval)),
            106 => Unknown(polled, now, policy, polled.LastStatus!, immediate: true),
            656 => Wait(polled, LotTimer.Poll, now + policy.ConsumptionBlock),
            108 or 109 => Wait(polled, LotTimer.Poll, now + policy.ParalysedRetry),
            _ => Wait(polled, LotTimer.Poll, now + Backoff(policy.PollInterval, s.PollCount, policy.MaxPollInterval)),
        };
    }

    /// <summary>Doubles <paramref name="first"/> per attempt (attempt 0 → first), capped.</summary>
    internal static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 20));
        var ticks = Math.Min(first.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static LotDecision Wait(LotState s, LotTimer timer, DateTimeOffset dueAt) =>
        new(s with { PendingTimer = timer, DueAt = dueAt, TimerSeq = s.TimerSeq + 1 }, [new Schedule(timer, dueAt, s.TimerSeq + 1)]);

    /// <summary>The outcome of a send (or receipt) is unknown: consult each open key before anything is re-sent.</summary>
    private static LotDecision Unknown(LotState s, DateTimeOffset now, LotPolicy policy, string status, bool immediate = false)
    {
        var due = immediate ? now : now + policy.MinFirstPoll;
        return Wait(s with { Phase = LotPhase.Reconciling, LastStatus = status }, LotTimer.Consult, due);
    }
}
