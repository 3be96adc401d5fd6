using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Notifications;
using Tss.Mde.Queries;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Runtime.Queues;
using Tss.Sefaz.Client;

namespace Tss.Mde.Hosting;

/// <summary>Registers MD-e: services, the notify/ciência queue listeners and the start-up step.</summary>
public static class MdeServiceCollectionExtensions
{
    /// <summary>
    /// Adds MD-e. The host provides an <see cref="IEntityDirectory"/> and, for webhooks, the delivery pipeline
    /// (<see cref="IDeliveryDispatcher"/>: Tss.Pipeline's <c>AddTssDistribution</c>, which reads the targets). Queue names are read from the "Mde" section now, because listeners are
    /// registered per queue name. The periodic sync is the cursor's orchestration (<c>AddTssMdeOrchestration</c> in
    /// Tss.Orchestrations replaces <see cref="NoMdeCursorRunner"/>).
    /// </summary>
    public static IServiceCollection AddTssMde(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = configuration.GetSection(MdeOptions.Section).Get<MdeOptions>() ?? new MdeOptions();
        services.AddOptions<MdeOptions>().BindConfiguration(MdeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSefazClient();
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDistributionTargets, NoDistributionTargets>();
        services.TryAddSingleton<IDeliveryDispatcher, MissingDeliveryDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliverySource, MdeDeliverySource>());
        services.TryAddSingleton<MdeNotifications>();
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<MdeOptions>>().Value;
            return new ConsumptionPolicy(o.BlockMargin, o.MaxQueriesPerHour, o.ConsumptionHour);
        });
        services.TryAddSingleton<IMdeCursorRunner, NoMdeCursorRunner>();
        services.TryAddSingleton<MdeSyncHooks>();
        services.TryAddSingleton<IEntitiesByCnpj, NoOtherEntities>();
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
        services.TryAddSingleton<MdeCursorPass>();
        services.TryAddSingleton<ManifestacaoService>();
        services.AddSingleton<IHostedService, MdeStartup>();
        services.AddQueueHandler<MdeNotifyMessage, MdeNotifyHandler>(names.NotifyQueue);
        services.AddQueueHandler<MdeCienciaMessage, MdeCienciaHandler>(names.CienciaQueue);
        return services;
    }
}
