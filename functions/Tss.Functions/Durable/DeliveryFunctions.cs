using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Distribution;

namespace Tss.Functions.Durable;

/// <summary>The delivery retries (<see cref="DeliveryOrchestrator"/>) and one attempt, as Durable Functions.</summary>
public sealed class DeliveryFunctions(BoundDurableClient bound)
{
    [Function(nameof(DeliveryOrchestrator))]
    public static Task<DeliveryState> RunDelivery([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DeliveryOrchestrator().RunAsync(context, context.GetInput<DeliveryRetry>()!);
    }

    [Function(nameof(DeliverActivity))]
    public Task<DeliveryStep> Deliver([ActivityTrigger] DeliverInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<DeliverActivity, DeliverInput, DeliveryStep>(context, input);
    }
}
