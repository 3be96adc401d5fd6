using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Notifications;
using Tss.Mde.Queries;
using Tss.Mde.Scheduling;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;
using Tss.Runtime.Leases;
using Tss.Runtime.Queues;
using Tss.Sefaz.Client;

namespace Tss.Mde.Hosting;

/// <summary>Registers MD-e: services, the timer/notify/ciência queue listeners and the start-up storage step.</summary>
public static class MdeServiceCollectionExtensions
{
    /// <summary>
    /// Adds MD-e. The host provides an <see cref="Pipeline.Entities.IEntityDirectory"/> and, for webhooks, an
    /// <see cref="IDistributionTargets"/>. Queue names are read from the "Mde" section now, because listeners are
    /// registered per queue name.
    /// </summary>
    public static IServiceCollection AddTssMde(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = configuration.GetSection(MdeOptions.Section).Get<MdeOptions>() ?? new MdeOptions();
        services.AddOptions<MdeOptions>().BindConfiguration(MdeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DistributionOptions>().BindConfiguration(DistributionOptions.Section);
        services.AddSefazClient();
        services.AddBlobLeaseSingleton();
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDistributionTargets, NoDistributionTargets>();
        services.TryAddSingleton<WebhookClient>();
        services.AddTssDeliveries();
        services.TryAddSingleton<MdeNotifications>();
        services.AddSingleton<IDeliverer>(sp => sp.GetRequiredService<MdeNotifications>());
        services.TryAddSingleton(sp => new ConsumptionPolicy(
            sp.GetRequiredService<IOptions<MdeOptions>>().Value.BlockMargin, sp.GetRequiredService<IOptions<MdeOptions>>().Value.MaxQueriesPerHour));
        services.TryAddSingleton<MdeSyncHooks>();
        services.TryAddSingleton<Tss.Pipeline.Entities.IEntitiesByCnpj, NoOtherEntities>();
        services.TryAddSingleton<CursorStore>();
        services.TryAddSingleton<MdeDocumentStore>();
        services.TryAddSingleton<CertificateProof>();
        services.TryAddSingleton<MdeSharingStore>();
        services.TryAddSingleton<MdeAccess>();
        services.TryAddSingleton<MdeRecipients>();
        services.TryAddSingleton<MdeSharingService>();
        services.TryAddSingleton<MdeGateway>();
        services.TryAddSingleton<MdeSyncService>();
        services.TryAddSingleton<MdeQueryService>();
        services.TryAddSingleton<MdeScheduler>();
        services.TryAddSingleton<ManifestacaoService>();
        services.AddSingleton<IHostedService, MdeStartup>();
        // One sync at a time per listener is plenty: each run holds a lease and may last many calls.
        services.AddQueueHandler<MdeTimerMessage, MdeTimerHandler>(names.TimerQueue, o =>
        {
            o.BatchSize = 4;
            o.MaxConcurrency = 4;
            o.VisibilityTimeout = TimeSpan.FromMinutes(5);
        });
        services.AddQueueHandler<MdeNotifyMessage, MdeNotifyHandler>(names.NotifyQueue);
        services.AddQueueHandler<MdeCienciaMessage, MdeCienciaHandler>(names.CienciaQueue);
        return services;
    }
}
