using Microsoft.DurableTask;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// How a lot survives failures of its own steps (storage errors, an unreachable certificate store — never SEFAZ
/// answers, which are results): each activity is retried <see cref="ActivityAttempts"/> times with an exponential
/// back-off (≈ 1 h with the defaults); when those are spent, the orchestration waits a durable timer and continues as new
/// from its last recorded step instead of failing, so no lot is left Failed for someone to notice.
/// </summary>
/// <param name="ActivityAttempts">Attempts of one activity call before the lot restarts itself.</param>
/// <param name="FirstRetry">Wait before the second attempt (doubled each time).</param>
/// <param name="MaxRetry">Longest wait between two attempts.</param>
/// <param name="FirstRestart">Wait before the first restart (doubled for each restart in a row).</param>
/// <param name="MaxRestart">Longest wait before a restart.</param>
public sealed record LotRecovery(int ActivityAttempts, TimeSpan FirstRetry, TimeSpan MaxRetry, TimeSpan FirstRestart, TimeSpan MaxRestart)
{
    /// <summary>20 attempts 1 s … 5 min apart (about an hour), then restarts 5 min … 1 h apart, for as long as it takes.</summary>
    public static LotRecovery Default { get; } = new(20, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    /// <summary>The retry policy of every activity call.</summary>
    public TaskOptions ActivityOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: ActivityAttempts, firstRetryInterval: FirstRetry, backoffCoefficient: 2, maxRetryInterval: MaxRetry));

    /// <summary>The wait before restart number <paramref name="restart"/> (1-based) of a run of failures.</summary>
    public TimeSpan RestartWait(int restart)
    {
        var wait = FirstRestart * Math.Pow(2, Math.Clamp(restart - 1, 0, 20));
        return wait > MaxRestart ? MaxRestart : wait;
    }
}
