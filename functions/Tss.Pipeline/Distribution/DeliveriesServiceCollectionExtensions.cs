using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Distribution;

/// <summary>Registers <see cref="Deliveries"/> and <see cref="DeliveryAttempts"/> (idempotent).</summary>
public static class DeliveriesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the delivery entry points. The retries themselves need an <see cref="IDeliveryRetries"/>
    /// (Tss.Orchestrations' <c>AddTssDeliveryOrchestration()</c>); until one is registered, starting a retry fails
    /// loudly (the first attempt's message then fails and is redelivered) rather than dropping it.
    /// </summary>
    public static IServiceCollection AddTssDeliveries(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeliveryRetries, MissingDeliveryRetries>();
        services.TryAddSingleton<Deliveries>();
        services.TryAddSingleton<DeliveryAttempts>();
        return services;
    }
}
