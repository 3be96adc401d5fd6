using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// One lot, from its first send to its distribution. Each SEFAZ call is an activity that records its outcomes and
/// returns the lot's next action and wait (decided by the pure <see cref="LotWorkflow"/>); every wait is a durable
/// timer, so a restart in the middle of one loses nothing. Deterministic: no I/O, no clock but the context's.
/// A step whose retries are spent (storage down for an hour) does not fail the lot: it restarts itself from its last
/// recorded step after a durable wait (<see cref="LotRecovery"/>).
/// </summary>
public sealed class LotOrchestrator : TaskOrchestrator<LotInput, LotResult>
{
    public override async Task<LotResult> RunAsync(TaskOrchestrationContext context, LotInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var recovery = input.Recovery ?? LotRecovery.Default;
        var retry = recovery.ActivityOptions();

        // The last step recorded: what a restart goes on from. Null until the first send returned.
        var step = input.Carried;
        var progressed = false;
        try
        {
            // Send. The attempt is recorded before SEFAZ is called; a second run of the activity does not resend.
            if (step is null)
            {
                step = await CallAsync(context, nameof(SendLotActivity), input, state: null, retry);
                progressed = true;
            }
            for (var steps = 1; step.Next != LotAction.Close; steps++)
            {
                if (steps >= input.StepsPerRun)
                {
                    // A long wait (an outage, a 105 back-off): go on in a fresh history from this step.
                    context.ContinueAsNew(input with { Carried = step, Restarts = 0 });
                    return Result(input, step, distributed: 0);
                }
                // Wait: max(15 s, tMed) before the first poll, the 105 back-off, 108/109/656 blocks, transport back-off.
                if (step.Delay > TimeSpan.Zero)
                {
                    await context.CreateTimer(context.CurrentUtcDateTime + step.Delay, CancellationToken.None);
                }
                step = step.Next switch
                {
                    // Poll the receipt: 104 → outcomes, 105 → poll again, 106 → consult.
                    LotAction.Poll => await CallAsync(context, nameof(PollReceiptActivity), input, step.State, retry),
                    // Reconcile by key (unknown send outcome, 106, 204/539 duplicity) before anything is sent again.
                    LotAction.Consult => await CallAsync(context, nameof(ConsultKeysActivity), input, step.State, retry),
                    // Send again: only after a send that did not reach SEFAZ (refused connection, 108/109, 656, 999).
                    _ => await CallAsync(context, nameof(SendLotActivity), input, step.State, retry),
                };
                progressed = true;
            }

            // Distribute the documents that have their final outcome.
            var distributed = await context.CallActivityAsync<int>(nameof(DistributeLotActivity), new LotStepInput(input.Partition, input.LotId, step.State), retry);
            return Result(input, step, distributed);
        }
        catch (TaskFailedException e)
        {
            // Every retry of one step failed. Failing the lot would leave its documents open until someone noticed;
            // instead wait and run the same step again from the same recorded state — exactly what one more retry
            // would do, so the step's own guarantees hold (a send re-run finds its write-ahead and consults by key
            // instead of sending; outcome writes and debits are idempotent).
            var restart = progressed ? 1 : input.Restarts + 1;
            var wait = recovery.RestartWait(restart);
            Log.LotRestarting(context.CreateReplaySafeLogger<LotOrchestrator>(), input.LotId, input.Partition, e.FailureDetails.ErrorType,
                e.FailureDetails.ErrorMessage, restart, wait);
            await context.CreateTimer(context.CurrentUtcDateTime + wait, CancellationToken.None);
            // The carried step's own wait is already served by this one.
            context.ContinueAsNew(input with { Carried = step is null ? null : step with { Delay = TimeSpan.Zero }, Restarts = restart });
            return Result(input, step, distributed: 0);
        }
    }

    private static LotResult Result(LotInput input, LotStep? step, int distributed) =>
        new(input.LotId, distributed, step?.State.Requeued.Count ?? 0, step?.State.SendAttempts ?? 0, step?.State.LastStatus);

    private static Task<LotStep> CallAsync(TaskOrchestrationContext context, string activity, LotInput input, LotState? state, TaskOptions retry) =>
        context.CallActivityAsync<LotStep>(activity, new LotStepInput(input.Partition, input.LotId, state), retry);
}
