using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tss.Orchestrations.Events;
using Tss.Pipeline.Events;

namespace Tss.Functions.Durable;

/// <summary>The event batch orchestration (<see cref="EventBatchOrchestrator"/>) and its activities, as Durable Functions.</summary>
public sealed class EventBatchFunctions(BoundDurableClient bound)
{
    [Function(nameof(EventBatchOrchestrator))]
    public static Task<EventBatchResult> RunEventBatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EventBatchOrchestrator().RunAsync(context, context.GetInput<EventBatchInput>()!);
    }

    [Function(nameof(SendEventBatchActivity))]
    public Task<EventSendResult> SendEventBatch([ActivityTrigger] EventBatchStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<SendEventBatchActivity, EventBatchStepInput, EventSendResult>(context, input);
    }

    [Function(nameof(RecordEventOutcomesActivity))]
    public Task<EventBatchStep> RecordEventOutcomes([ActivityTrigger] EventBatchStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<RecordEventOutcomesActivity, EventBatchStepInput, EventBatchStep>(context, input);
    }

    [Function(nameof(ReconcileEventsActivity))]
    public Task<EventBatchStep> ReconcileEvents([ActivityTrigger] EventBatchStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<ReconcileEventsActivity, EventBatchStepInput, EventBatchStep>(context, input);
    }

    [Function(nameof(DistributeEventsActivity))]
    public Task<int> DistributeEvents([ActivityTrigger] EventBatchStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<DistributeEventsActivity, EventBatchStepInput, int>(context, input);
    }

    [Function(nameof(ContinueEventsActivity))]
    public Task<bool> ContinueEvents([ActivityTrigger] EventBatchStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<ContinueEventsActivity, EventBatchStepInput, bool>(context, input);
    }
}
