using Microsoft.DurableTask;
using Tss.Pipeline.Events;

namespace Tss.Orchestrations.Events;

/// <summary>
/// One batch of up to 20 events (cancelamento, CC-e) of a documents partition, from its first send to its
/// distribution. Each SEFAZ call is an activity; the outcome of a send is recorded by its own idempotent activity,
/// which returns the batch's next action and wait (decided by the pure <see cref="EventReactions"/>); every wait is a
/// durable timer. Deterministic: no I/O, no clock but the context's.
/// </summary>
public sealed class EventBatchOrchestrator : TaskOrchestrator<EventBatchInput, EventBatchResult>
{
    /// <summary>Storage failures inside an activity are retried; SEFAZ answers and transport failures are not failures.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public override async Task<EventBatchResult> RunAsync(TaskOrchestrationContext context, EventBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // Send, then record what SEFAZ said. The send is recorded before SEFAZ is called; a second run of the
        // activity finds it and answers "unknown" instead of sending again.
        var sends = 1;
        var reconciliations = 0;
        var step = await SendAndRecordAsync(context, input, sends);
        while (step.Next != EventBatchAction.Close)
        {
            // Wait: 108/109/999 and transport failures (retry delay), 656 (one hour), a consultation that failed.
            if (step.Delay > TimeSpan.Zero)
            {
                await context.CreateTimer(context.CurrentUtcDateTime + step.Delay, CancellationToken.None);
            }
            if (step.Next == EventBatchAction.Reconcile)
            {
                // Unknown outcome or 573: NFeConsultaProtocolo lists the registered events; never a blind resend.
                reconciliations++;
                step = await context.CallActivityAsync<EventBatchStep>(nameof(ReconcileEventsActivity), new EventBatchStepInput(input.Partition, input.BatchId), Retry);
            }
            else
            {
                // Send again: only events that cannot have been registered (not sent, "try later", not found by key).
                step = await SendAndRecordAsync(context, input, ++sends);
            }
        }

        // Distribute the answered events, then let the next sequences of these documents be cut.
        var distributed = await context.CallActivityAsync<int>(nameof(DistributeEventsActivity), new EventBatchStepInput(input.Partition, input.BatchId), Retry);
        var more = await context.CallActivityAsync<bool>(nameof(ContinueEventsActivity), new EventBatchStepInput(input.Partition, input.BatchId), Retry);
        return new EventBatchResult(input.BatchId, sends, reconciliations, distributed, more);
    }

    private static async Task<EventBatchStep> SendAndRecordAsync(TaskOrchestrationContext context, EventBatchInput input, int send)
    {
        var sent = await context.CallActivityAsync<EventSendResult>(nameof(SendEventBatchActivity), new EventBatchStepInput(input.Partition, input.BatchId, send), Retry);
        return await context.CallActivityAsync<EventBatchStep>(nameof(RecordEventOutcomesActivity), new EventBatchStepInput(input.Partition, input.BatchId, send, sent), Retry);
    }
}
