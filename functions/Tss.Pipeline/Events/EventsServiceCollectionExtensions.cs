using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Consultations;
using Tss.Pipeline.Inutilizacao;
using Tss.Runtime.Queues;
using Tss.Sefaz.Client.Status;

namespace Tss.Pipeline.Events;

/// <summary>Registers the events stage (queue listener that cuts batches; the batches run on the event batch orchestration,
/// Tss.Orchestrations' <c>AddTssEventOrchestration()</c>), inutilização, consultations and the table-backed status cache.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <param name="queue">The events queue name (read from configuration by the caller: listeners are registered per name).</param>
    public static IServiceCollection AddTssEvents(this IServiceCollection services, string queue)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<EventsQueue>();
        services.TryAddSingleton<EventRequestService>();
        services.TryAddSingleton<EventBatchCutter>();
        services.TryAddSingleton<EventBatchSteps>();
        services.TryAddSingleton<IEventBatchStarter, Internal.MissingEventBatchStarter>();
        services.TryAddSingleton<EventQueries>();
        services.TryAddSingleton<InutilizacaoService>();
        services.TryAddSingleton<ConsultationService>();
        // The 3-minute rule must hold across instances: the status records live in a table, not in memory.
        services.Replace(ServiceDescriptor.Singleton<IStatusCacheStore, TableStatusCacheStore>());
        services.AddQueueHandler<EventMessage, EventHandler>(queue);
        return services;
    }
}
