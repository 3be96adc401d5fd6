using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations.Delivery;

/// <summary>Registers the delivery retries on Durable.</summary>
public static class DeliveryOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DeliveryOrchestrator"/> and <see cref="DeliverActivity"/> to the worker's tasks and makes
    /// <see cref="IDeliveryRetries"/> start them (replacing the refusing default). Needs a <c>DurableTaskClient</c>
    /// (the local host's Tss.Durable, or the in-memory test host).
    /// </summary>
    public static IServiceCollection AddTssDeliveryOrchestration(this IServiceCollection services)
    {
        services.AddTssDeliveries();
        services.Replace(ServiceDescriptor.Singleton<IDeliveryRetries, DurableDeliveryRetries>());
        services.AddDurableTasks(r => r.AddOrchestrator<DeliveryOrchestrator>().AddActivity<DeliverActivity>());
        return services;
    }
}
