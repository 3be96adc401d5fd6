using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Events;

namespace Tss.Orchestrations.Events;

/// <summary>Registers the event batch orchestration.</summary>
public static class EventOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EventBatchOrchestrator"/> and its activities to the durable worker and makes
    /// <see cref="IEventBatchStarter"/> start them (replacing the refusing default). Needs a <c>DurableTaskClient</c>
    /// (the host's Durable runtime) and the pipeline (<c>AddTssPipeline</c>).
    /// </summary>
    public static IServiceCollection AddTssEventOrchestration(this IServiceCollection services)
    {
        services.AddDurableTasks(r => r.AddEventBatchTasks());
        services.Replace(ServiceDescriptor.Singleton<IEventBatchStarter, DurableEventBatchStarter>());
        return services;
    }

    /// <summary>The batch's orchestrator and activities (activities are resolved from the worker's services).</summary>
    public static DurableTaskRegistry AddEventBatchTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<EventBatchOrchestrator>()
            .AddActivity<SendEventBatchActivity>()
            .AddActivity<RecordEventOutcomesActivity>()
            .AddActivity<ReconcileEventsActivity>()
            .AddActivity<DistributeEventsActivity>()
            .AddActivity<ContinueEventsActivity>();
    }
}
