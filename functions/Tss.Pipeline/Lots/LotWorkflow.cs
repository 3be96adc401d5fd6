using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;

namespace Tss.Pipeline.Lots;

/// <summary>
/// The lot's reactions: (state, SEFAZ answer) → (next state, outcomes, next action, wait). Pure and deterministic, so
/// every path is tested without storage or SEFAZ; the lot orchestration runs it between its activities and turns the
/// waits into durable timers.
/// </summary>
public static partial class LotWorkflow
{
    /// <summary>Starts a send attempt: the state the send activity records (write-ahead) before calling SEFAZ.</summary>
    public static LotState BeginSend(LotState s, DateTimeOffset now) =>
        s with { Phase = LotPhase.Sending, SendAttempts = s.SendAttempts + 1, SentAt = now };

    /// <summary>Decides what follows <paramref name="e"/>.</summary>
    public static LotDecision Decide(LotState s, LotEvent e, DateTimeOffset now, LotPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (s.Phase == LotPhase.Closed)
        {
            return new(s, [], LotAction.Close, TimeSpan.Zero); // late answers of a closed lot change nothing
        }
        return e switch
        {
            LotEvent.SendInterrupted when s.Phase == LotPhase.Sending => Unknown(s, policy, "send outcome unknown after restart"),
            LotEvent.SendAnswered a when s.Phase == LotPhase.Sending => OnSendAnswer(s, a.Answer, now, policy),
            LotEvent.SendFailed f when s.Phase == LotPhase.Sending => f.OutcomeUnknown
                ? Unknown(s, policy, $"sefaz.{f.Code}")
                : Next(s with { Phase = LotPhase.Created, LastStatus = $"sefaz.{f.Code}" }, LotAction.Send, Backoff(policy.TransportRetry, s.SendAttempts, MaxSendBackoff)),
            LotEvent.ReceiptAnswered r when s.Phase == LotPhase.AwaitingReceipt => OnReceipt(s, r.Answer, policy),
            LotEvent.ReceiptFailed f when s.Phase == LotPhase.AwaitingReceipt =>
                Next(s with { PollCount = s.PollCount + 1, LastStatus = $"sefaz.{f.Code}" }, LotAction.Poll, Backoff(policy.TransportRetry, s.PollCount, policy.MaxPollInterval)),
            LotEvent.ConsultAnswered c when s.Phase == LotPhase.Reconciling => OnConsult(s, c.Answers, policy),
            _ => Next(s, Repeat(s.Phase), TimeSpan.Zero), // an answer that does not fit the phase changes nothing
        };
    }

    private static readonly TimeSpan MaxSendBackoff = TimeSpan.FromMinutes(10);

    private static LotDecision OnSendAnswer(LotState s, RetEnviNFe a, DateTimeOffset now, LotPolicy policy)
    {
        var status = $"{a.cStat} {a.xMotivo}";
        switch (CStatTables.Autorizacao.React(a.cStat))
        {
            case CStatReaction.AwaitReceipt when a.nRec is not null:
                var wait = TimeSpan.FromSeconds(Math.Max(policy.MinFirstPoll.TotalSeconds, a.tMed ?? 0));
                return Next(s with { Phase = LotPhase.AwaitingReceipt, nRec = a.nRec, SentAt = now, LastStatus = status }, LotAction.Poll, wait);
            case CStatReaction.ReadItems when a.protNFe is not null:
                return ResolveProtocols(s with { LastStatus = status }, [a.protNFe], policy);
            case CStatReaction.BlockOneHour:
                return Next(s with { Phase = LotPhase.Created, LastStatus = status }, LotAction.Send, policy.ConsumptionBlock);
            case CStatReaction.RetryAfterParalysis:
                return Next(s with { Phase = LotPhase.Created, LastStatus = status }, LotAction.Send, policy.ParalysedRetry);
            case CStatReaction.RetryWithBackoff:
                return Next(s with { Phase = LotPhase.Created, LastStatus = status }, LotAction.Send, Backoff(policy.TransportRetry, s.SendAttempts, MaxSendBackoff));
            default:
                // A lot-level rejection (schema, size, environment…): the documents are correctable, nothing was authorized.
                var outcomes = s.OpenKeys.Select(k => (DocumentOutcome)new DocumentOutcome.Rejected(k, a.cStat, a.xMotivo)).ToList();
                return new(s with { Phase = LotPhase.Closed, OpenKeys = [], LastStatus = status }, outcomes, LotAction.Close, TimeSpan.Zero);
        }
    }

    private static LotDecision OnReceipt(LotState s, RetConsReciNFe a, LotPolicy policy)
    {
        var polled = s with { PollCount = s.PollCount + 1, LastStatus = $"{a.cStat} {a.xMotivo}" };
        return CStatTables.RetAutorizacao.React(a.cStat) switch
        {
            CStatReaction.ReadItems => ResolveProtocols(polled, a.protNFe, policy),
            CStatReaction.ReconcileByKey => Unknown(polled, policy, polled.LastStatus!, immediate: true),
            CStatReaction.BlockOneHour => Next(polled, LotAction.Poll, policy.ConsumptionBlock),
            CStatReaction.RetryAfterParalysis => Next(polled, LotAction.Poll, policy.ParalysedRetry),
            _ => Next(polled, LotAction.Poll, Backoff(policy.PollInterval, s.PollCount, policy.MaxPollInterval)), // Processing, RetryWithBackoff
        };
    }

    /// <summary>Doubles <paramref name="first"/> per attempt (attempt 0 → first), capped.</summary>
    internal static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 20));
        var ticks = Math.Min(first.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static LotDecision Next(LotState s, LotAction next, TimeSpan wait) => new(s, [], next, wait);

    private static LotAction Repeat(LotPhase phase) => phase switch
    {
        LotPhase.Created => LotAction.Send,
        LotPhase.AwaitingReceipt => LotAction.Poll,
        _ => LotAction.Consult, // Sending or Reconciling: never resend blindly
    };

    /// <summary>The outcome of a send (or receipt) is unknown: consult each open key before anything is re-sent.</summary>
    private static LotDecision Unknown(LotState s, LotPolicy policy, string status, bool immediate = false) =>
        Next(s with { Phase = LotPhase.Reconciling, LastStatus = status }, LotAction.Consult, immediate ? TimeSpan.Zero : policy.MinFirstPoll);
}
