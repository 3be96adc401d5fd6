using Microsoft.DurableTask;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// One lot, from its first send to its distribution. Each SEFAZ call is an activity that records its outcomes and
/// returns the lot's next action and wait (decided by the pure <see cref="LotWorkflow"/>); every wait is a durable
/// timer, so a restart in the middle of one loses nothing. Deterministic: no I/O, no clock but the context's.
/// </summary>
public sealed class LotOrchestrator : TaskOrchestrator<LotInput, LotResult>
{
    /// <summary>Storage failures inside an activity are retried; SEFAZ answers and transport failures are not failures.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public override async Task<LotResult> RunAsync(TaskOrchestrationContext context, LotInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // Send. The attempt is recorded before SEFAZ is called; a second run of the activity does not resend.
        var step = input.Carried ?? await CallAsync(context, nameof(SendLotActivity), input, state: null);
        for (var steps = 1; step.Next != LotAction.Close; steps++)
        {
            if (steps >= input.StepsPerRun)
            {
                // A long wait (an outage, a 105 back-off): go on in a fresh history from this step.
                context.ContinueAsNew(input with { Carried = step });
                return new LotResult(input.LotId, 0, step.State.Requeued.Count, step.State.SendAttempts, step.State.LastStatus);
            }
            // Wait: max(15 s, tMed) before the first poll, the 105 back-off, 108/109/656 blocks, transport back-off.
            if (step.Delay > TimeSpan.Zero)
            {
                await context.CreateTimer(context.CurrentUtcDateTime + step.Delay, CancellationToken.None);
            }
            step = step.Next switch
            {
                // Poll the receipt: 104 → outcomes, 105 → poll again, 106 → consult.
                LotAction.Poll => await CallAsync(context, nameof(PollReceiptActivity), input, step.State),
                // Reconcile by key (unknown send outcome, 106, 204/539 duplicity) before anything is sent again.
                LotAction.Consult => await CallAsync(context, nameof(ConsultKeysActivity), input, step.State),
                // Send again: only after a send that did not reach SEFAZ (refused connection, 108/109, 656, 999).
                _ => await CallAsync(context, nameof(SendLotActivity), input, step.State),
            };
        }

        // Distribute the documents that have their final outcome.
        var distributed = await context.CallActivityAsync<int>(nameof(DistributeLotActivity), new LotStepInput(input.Partition, input.LotId, step.State), Retry);
        return new LotResult(input.LotId, distributed, step.State.Requeued.Count, step.State.SendAttempts, step.State.LastStatus);
    }

    private static Task<LotStep> CallAsync(TaskOrchestrationContext context, string activity, LotInput input, LotState? state) =>
        context.CallActivityAsync<LotStep>(activity, new LotStepInput(input.Partition, input.LotId, state), Retry);
}
