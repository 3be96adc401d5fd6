using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// The input of a lot orchestration: ids only (the lot row holds the keys); after a continue-as-new, also the step the
/// previous run stopped at.
/// </summary>
/// <param name="Carried">The step to go on from (null on the first run: the lot starts with its send).</param>
/// <param name="StepsPerRun">SEFAZ steps one run takes before it continues as new, so a lot that waits out a long
/// outage (108/109 every few minutes, a 105 back-off) keeps a short history to replay.</param>
/// <param name="Recovery">Activity retries and self-restart waits (null: <see cref="LotRecovery.Default"/>).</param>
/// <param name="Restarts">Restarts in a row after spent activity retries (0 once a run makes progress).</param>
public sealed record LotInput(
    string Partition,
    string LotId,
    LotStep? Carried = null,
    int StepsPerRun = LotInput.DefaultStepsPerRun,
    LotRecovery? Recovery = null,
    int Restarts = 0)
{
    /// <summary>About 6 history events per step: 600 at most to replay.</summary>
    public const int DefaultStepsPerRun = 100;
}
