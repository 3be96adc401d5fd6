using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// The input of a lot orchestration: ids only (the lot row holds the keys); after a continue-as-new, also the step the
/// previous run stopped at and how the lot has been failing.
/// </summary>
/// <param name="Carried">The step to go on from (null on the first run, and after an orchestrator fault: the lot goes
/// on from its lot row, see <see cref="LotSteps.SendAsync"/>).</param>
/// <param name="StepsPerRun">SEFAZ steps one run takes before it continues as new, so a lot that waits out a long
/// outage (108/109 every few minutes, a 105 back-off) keeps a short history to replay.</param>
/// <param name="Recovery">Activity retries, self-restart waits and the cap on restarts (null: <see cref="LotRecovery.Default"/>).</param>
/// <param name="Restarts">Restarts in a row after spent activity retries or orchestrator faults (0 once a run makes progress).</param>
/// <param name="FailingSince">When the current run of failures began (orchestration time; null while none).</param>
/// <param name="Faults">Orchestrator faults of this lot so far (never reset; drives the test-only fault hook).</param>
public sealed record LotInput(
    string Partition,
    string LotId,
    LotStep? Carried = null,
    int StepsPerRun = LotInput.DefaultStepsPerRun,
    LotRecovery? Recovery = null,
    int Restarts = 0,
    DateTime? FailingSince = null,
    int Faults = 0)
{
    /// <summary>About 6 history events per step: 600 at most to replay.</summary>
    public const int DefaultStepsPerRun = 100;
}
