using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Epec;

namespace Tss.Orchestrations.Epec;

/// <summary>Registers the EPEC orchestration.</summary>
public static class EpecOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EpecOrchestrator"/> and its activity to the durable worker, <see cref="EpecSteps"/>, and makes
    /// <see cref="IEpecStarter"/> start it. Needs a <c>DurableTaskClient</c> and the pipeline (<c>AddTssPipeline</c>).
    /// </summary>
    public static IServiceCollection AddTssEpecOrchestration(this IServiceCollection services)
    {
        services.TryAddSingleton<EpecSteps>();
        services.AddDurableTasks(r => r.AddEpecTasks());
        services.Replace(ServiceDescriptor.Singleton<IEpecStarter, DurableEpecStarter>());
        return services;
    }

    /// <summary>The orchestrator and its activity.</summary>
    public static DurableTaskRegistry AddEpecTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<EpecOrchestrator>().AddActivity<RegisterEpecActivity>();
    }
}
