using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>Registers the lot orchestration.</summary>
public static class LotOrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LotOrchestrator"/> and its activities to the durable worker and <see cref="DurableLotStarter"/>
    /// as the pipeline's <see cref="ILotStarter"/>. Needs a <c>DurableTaskClient</c> (the host's Durable runtime) and
    /// the pipeline (<c>AddTssPipeline</c>).
    /// </summary>
    public static IServiceCollection AddTssLotOrchestration(this IServiceCollection services)
    {
        services.AddDurableTasks(r => r.AddLotTasks());
        services.AddOptions<LotRecoveryOptions>().BindConfiguration(LotRecoveryOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.IsValid(), "LotRecovery: waits must be positive and each maximum at least its first value.").ValidateOnStart();
        services.TryAddSingleton<ILotStarter, DurableLotStarter>();
        services.TryAddSingleton<LotRetries>();
        return services;
    }

    /// <summary>The lot's orchestrator and activities (activities are resolved from the worker's services).</summary>
    public static DurableTaskRegistry AddLotTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<LotOrchestrator>()
            .AddActivity<SendLotActivity>()
            .AddActivity<PollReceiptActivity>()
            .AddActivity<ConsultKeysActivity>()
            .AddActivity<DistributeLotActivity>()
            .AddActivity<MarkLotAttentionActivity>();
    }
}
