using Microsoft.DurableTask;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// How a lot survives failures of its own steps (storage errors, an unreachable certificate store — never SEFAZ
/// answers, which are results) and of its own orchestrator code: each activity is retried <see cref="ActivityAttempts"/>
/// times with an exponential back-off (≈ 1 h with the defaults); when those are spent, or the orchestrator itself
/// throws, the orchestration waits a durable timer and continues as new instead of failing. A lot that keeps failing
/// stops restarting after <see cref="MaxRestarts"/> restarts in a row or <see cref="GiveUpAfter"/> of failures, and
/// waits, stuck, for an operator's retry (<see cref="LotOrchestrator.RetryEvent"/>).
/// </summary>
/// <param name="ActivityAttempts">Attempts of one activity call before the lot restarts itself.</param>
/// <param name="FirstRetry">Wait before the second attempt (doubled each time).</param>
/// <param name="MaxRetry">Longest wait between two attempts.</param>
/// <param name="FirstRestart">Wait before the first restart (doubled for each restart in a row).</param>
/// <param name="MaxRestart">Longest wait before a restart.</param>
public sealed record LotRecovery(int ActivityAttempts, TimeSpan FirstRetry, TimeSpan MaxRetry, TimeSpan FirstRestart, TimeSpan MaxRestart)
{
    /// <summary>20 attempts 1 s … 5 min apart (about an hour), then restarts 5 min … 1 h apart, stuck after 20 restarts or 24 h.</summary>
    public static LotRecovery Default { get; } = new(20, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    /// <summary>Restarts in a row (without a step making progress) after which the lot stops and needs an operator.</summary>
    public int MaxRestarts { get; init; } = LotRecoveryOptions.DefaultMaxRestarts;

    /// <summary>How long a lot may keep failing (from its first restart in a row) before it stops and needs an operator.</summary>
    public TimeSpan GiveUpAfter { get; init; } = LotRecoveryOptions.DefaultGiveUpAfter;

    /// <summary>Test-only fault hook: the orchestrator throws after this many SEFAZ steps of a run (0: never).</summary>
    public int FaultAfterSteps { get; init; }

    /// <summary>Test-only fault hook: how many runs throw (<see cref="LotInput.Faults"/> below it) before the fault is "fixed".</summary>
    public int FaultRuns { get; init; }

    /// <summary>The retry policy of every activity call.</summary>
    public TaskOptions ActivityOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: ActivityAttempts, firstRetryInterval: FirstRetry, backoffCoefficient: 2, maxRetryInterval: MaxRetry));

    /// <summary>The wait before restart number <paramref name="restart"/> (1-based) of a run of failures.</summary>
    public TimeSpan RestartWait(int restart)
    {
        var wait = FirstRestart * Math.Pow(2, Math.Clamp(restart - 1, 0, 20));
        return wait > MaxRestart ? MaxRestart : wait;
    }

    /// <summary>True when restart number <paramref name="restart"/> of failures that began at <paramref name="since"/> is one too many.</summary>
    public bool GivesUp(int restart, DateTime since, DateTime now) => restart > MaxRestarts || now - since >= GiveUpAfter;
}
