using Microsoft.DurableTask;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>
/// One lot, from its first send to its distribution. Each SEFAZ call is an activity that records its outcomes and
/// returns the lot's next action and wait (decided by the pure <see cref="LotWorkflow"/>); every wait is a durable
/// timer, so a restart in the middle of one loses nothing. Deterministic: no I/O, no clock but the context's.
/// Neither a step whose retries are spent (storage down for an hour) nor an exception of this code fails the lot: it
/// restarts itself after a durable wait, and after too many restarts waits, stuck, for an operator's retry
/// (<see cref="LotRecovery"/>, LotOrchestrator.Recovery.cs).
/// </summary>
public sealed partial class LotOrchestrator : TaskOrchestrator<LotInput, LotResult>
{
    /// <summary>The external event an operator's retry raises on a stuck lot (<see cref="LotRetries"/>).</summary>
    public const string RetryEvent = "retry";

    public override async Task<LotResult> RunAsync(TaskOrchestrationContext context, LotInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var recovery = input.Recovery ?? LotRecovery.Default;
        var retry = recovery.ActivityOptions();

        // The last step recorded: what a restart goes on from. Null until the first send returned.
        var step = input.Carried;
        var progressed = false;
        var taken = 0;
        try
        {
            // Send. The attempt is recorded before SEFAZ is called; a second run of the activity does not resend.
            if (step is null)
            {
                step = await CallAsync(context, nameof(SendLotActivity), input, state: null, retry);
                progressed = true;
                InjectFault(input, recovery, ++taken);
            }
            for (var steps = 1; step.Next != LotAction.Close; steps++)
            {
                if (steps >= input.StepsPerRun)
                {
                    // A long wait (an outage, a 105 back-off): go on in a fresh history from this step.
                    context.ContinueAsNew(input with { Carried = step, Restarts = 0, FailingSince = null });
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
                InjectFault(input, recovery, ++taken);
            }

            // Distribute the documents that have their final outcome.
            var distributed = await context.CallActivityAsync<int>(nameof(DistributeLotActivity), new LotStepInput(input.Partition, input.LotId, step.State), retry);
            if (input.Restarts > 0 || input.Faults > 0)
            {
                context.SetCustomStatus(null);
            }
            return Result(input, step, distributed);
        }
        catch (TaskFailedException e)
        {
            // Every retry of one step failed. Failing the lot would leave its documents open until someone noticed;
            // instead wait and run the same step again from the same recorded state — exactly what one more retry
            // would do, so the step's own guarantees hold (a send re-run finds its write-ahead and consults by key
            // instead of sending; outcome writes and debits are idempotent).
            var carried = step is null ? null : step with { Delay = TimeSpan.Zero }; // its wait is served by the restart's
            return await RestartAsync(context, input, recovery, carried, progressed, fault: false,
                $"{e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Our own code threw (a bug, a corrupt input or activity result): the state this run holds cannot be
            // trusted, so the lot goes on from its lot row — the durable record of what was sent — whose resume
            // reconciles by key any send that may have reached SEFAZ (never a blind resend).
            return await RestartAsync(context, input, recovery, carried: null, progressed, fault: true, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static LotResult Result(LotInput input, LotStep? step, int distributed) =>
        new(input.LotId, distributed, step?.State.Requeued.Count ?? 0, step?.State.SendAttempts ?? 0, step?.State.LastStatus);

    private static Task<LotStep> CallAsync(TaskOrchestrationContext context, string activity, LotInput input, LotState? state, TaskOptions retry) =>
        context.CallActivityAsync<LotStep>(activity, new LotStepInput(input.Partition, input.LotId, state), retry);

    /// <summary>The test-only fault hook (<see cref="LotRecoveryOptions.InjectFaultAfterSteps"/>): deterministic, from the input.</summary>
    private static void InjectFault(LotInput input, LotRecovery recovery, int taken)
    {
        if (recovery.FaultAfterSteps > 0 && taken == recovery.FaultAfterSteps && input.Faults < recovery.FaultRuns)
        {
            throw new InvalidOperationException($"Injected orchestrator fault after {taken} steps (LotRecovery:InjectFaultAfterSteps).");
        }
    }
}
