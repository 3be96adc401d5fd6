using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Events;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Hosting;

/// <summary>Registers the NF-e pipeline: stage services and one queue listener per stage queue.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline. The host still provides an <see cref="Contracts.Entities.IEntityDirectory"/> (tenants and certificates),
    /// an <see cref="ILotStarter"/> (the lot orchestration: <c>AddTssLotOrchestration</c>) and, to deliver outcomes, an <see cref="IDistributionTargets"/> (without it nothing is delivered and documents
    /// stay available for polling).
    /// Queue names are read from the "Pipeline" section now, because listeners are registered per queue name.
    /// </summary>
    public static IServiceCollection AddTssPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var names = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTssStorage();
        services.AddSefazClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.TryAddSingleton<PipelineQueues>();
        services.TryAddSingleton<IngestService>();
        services.AddTssCreditCheck();
        services.TryAddSingleton<LotAssembler>();
        services.AddTssContingency();
        services.TryAddSingleton<LotSender>();
        services.TryAddSingleton<OutcomeWriter>();
        services.TryAddSingleton<LotSteps>();
        services.TryAddSingleton<Offline.OfflineEmission>();
        services.TryAddSingleton<Sync.SyncEmission>();
        services.AddQueueHandler<AssembleMessage, AssembleHandler>(names.AssembleQueue);
        services.AddTssDistribution(configuration);
        services.AddTssEvents(configuration.GetSection(EventsOptions.Section).Get<EventsOptions>()?.Queue ?? new EventsOptions().Queue);
        return services;
    }
}
