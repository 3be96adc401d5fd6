using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Mde.Sync;

namespace Tss.Orchestrations.Mde;

/// <summary>Registers the MD-e cursor orchestrations.</summary>
public static class MdeOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MdeCursorOrchestrator"/> and <see cref="MdeSyncPassActivity"/> to the durable worker and makes
    /// <see cref="DurableMdeCursorRunner"/> the <see cref="IMdeCursorRunner"/> (replacing the default that runs nothing).
    /// Needs a <c>DurableTaskClient</c> and MD-e (<c>AddTssMde</c>).
    /// </summary>
    public static IServiceCollection AddTssMdeOrchestration(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IMdeCursorRunner, DurableMdeCursorRunner>());
        services.AddDurableTasks(r => r.AddMdeTasks());
        return services;
    }

    /// <summary>The cursor orchestrator and its activity.</summary>
    public static DurableTaskRegistry AddMdeTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<MdeCursorOrchestrator>().AddActivity<MdeSyncPassActivity>();
    }
}
