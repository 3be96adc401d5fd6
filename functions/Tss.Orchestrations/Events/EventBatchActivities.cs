using Microsoft.DurableTask;
using Tss.Pipeline.Events;

namespace Tss.Orchestrations.Events;

/// <summary>Sends the batch (NFeRecepcaoEvento4), write-ahead: see <see cref="EventBatchSteps.SendAsync"/>.</summary>
public sealed class SendEventBatchActivity(EventBatchSteps steps) : TaskActivity<EventBatchStepInput, EventSendResult>
{
    public override Task<EventSendResult> RunAsync(TaskActivityContext context, EventBatchStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.SendAsync(input.Partition, input.BatchId, input.Send, CancellationToken.None);
    }
}

/// <summary>Records a send's outcome (idempotent): see <see cref="EventBatchSteps.RecordAsync"/>.</summary>
public sealed class RecordEventOutcomesActivity(EventBatchSteps steps) : TaskActivity<EventBatchStepInput, EventBatchStep>
{
    public override Task<EventBatchStep> RunAsync(TaskActivityContext context, EventBatchStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.RecordAsync(input.Partition, input.BatchId, input.Sent!, CancellationToken.None);
    }
}

/// <summary>Learns the outcome of the events in flight through NFeConsultaProtocolo: see <see cref="EventBatchSteps.ReconcileAsync"/>.</summary>
public sealed class ReconcileEventsActivity(EventBatchSteps steps) : TaskActivity<EventBatchStepInput, EventBatchStep>
{
    public override Task<EventBatchStep> RunAsync(TaskActivityContext context, EventBatchStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.ReconcileAsync(input.Partition, input.BatchId, CancellationToken.None);
    }
}

/// <summary>Hands the batch's answered events to distribution (webhook, e-mail, status for polling).</summary>
public sealed class DistributeEventsActivity(EventBatchSteps steps) : TaskActivity<EventBatchStepInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, EventBatchStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.DistributeAsync(input.Partition, input.BatchId, CancellationToken.None);
    }
}

/// <summary>Asks for the next cut when the partition still has events waiting (later sequences of the same documents).</summary>
public sealed class ContinueEventsActivity(EventBatchSteps steps) : TaskActivity<EventBatchStepInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, EventBatchStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.ContinueAsync(input.Partition, CancellationToken.None);
    }
}
