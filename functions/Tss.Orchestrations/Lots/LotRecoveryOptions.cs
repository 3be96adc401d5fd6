using System.ComponentModel.DataAnnotations;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// Configuration of <see cref="LotRecovery"/> (section <c>LotRecovery</c>), put into every lot's input by
/// <see cref="DurableLotStarter"/>. Tests shorten the waits; production keeps the defaults.
/// </summary>
public sealed class LotRecoveryOptions
{
    public const string Section = "LotRecovery";

    /// <summary>About a day of restarts with the default waits (each run spends ≈ 1 h of activity retries first).</summary>
    public const int DefaultMaxRestarts = 20;

    /// <summary>One day: see the README (guarantee table, "a lot never restarts forever").</summary>
    public static readonly TimeSpan DefaultGiveUpAfter = TimeSpan.FromHours(24);

    [Range(1, 1000)]
    public int ActivityAttempts { get; set; } = LotRecovery.Default.ActivityAttempts;

    public TimeSpan FirstRetry { get; set; } = LotRecovery.Default.FirstRetry;

    public TimeSpan MaxRetry { get; set; } = LotRecovery.Default.MaxRetry;

    public TimeSpan FirstRestart { get; set; } = LotRecovery.Default.FirstRestart;

    public TimeSpan MaxRestart { get; set; } = LotRecovery.Default.MaxRestart;

    [Range(0, 10_000)]
    public int MaxRestarts { get; set; } = DefaultMaxRestarts;

    public TimeSpan GiveUpAfter { get; set; } = DefaultGiveUpAfter;

    /// <summary>Test-only: the orchestrator throws after this many SEFAZ steps of a run (0: never). Never set in production.</summary>
    [Range(0, 1000)]
    public int InjectFaultAfterSteps { get; set; }

    /// <summary>Test-only: how many runs of a lot the injected fault lasts.</summary>
    [Range(0, 1000)]
    public int InjectFaultRuns { get; set; } = 1;

    /// <summary>The recovery every new lot carries in its input.</summary>
    public LotRecovery ToRecovery() => new(ActivityAttempts, FirstRetry, MaxRetry, FirstRestart, MaxRestart)
    {
        MaxRestarts = MaxRestarts,
        GiveUpAfter = GiveUpAfter,
        FaultAfterSteps = InjectFaultAfterSteps,
        FaultRuns = InjectFaultAfterSteps > 0 ? InjectFaultRuns : 0,
    };

    /// <summary>Waits positive and ordered (the start-up validation).</summary>
    public bool IsValid() => FirstRetry > TimeSpan.Zero && MaxRetry >= FirstRetry && FirstRestart > TimeSpan.Zero
        && MaxRestart >= FirstRestart && GiveUpAfter > TimeSpan.Zero;
}
