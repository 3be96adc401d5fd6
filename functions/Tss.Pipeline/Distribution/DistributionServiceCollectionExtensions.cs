using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;

namespace Tss.Pipeline.Distribution;

/// <summary>Registers the one delivery pipeline (the pipeline calls it; a host without the pipeline may call it alone).</summary>
public static class DistributionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the distributor as <see cref="IDeliveryDispatcher"/> and as the retries' <see cref="IDeliverer"/>, the
    /// sources of NF-e outcomes and events (other features add theirs as <see cref="IDeliverySource"/>), the delivery
    /// log, the webhook and SMTP clients and the listener of the distribute queue (<c>Pipeline:DistributeQueue</c>).
    /// Options: sections "Distribution" and "Smtp". The host provides an <see cref="IDistributionTargets"/> (without
    /// it nothing is delivered) and the retries (<c>AddTssDeliveryOrchestration</c>).
    /// </summary>
    public static IServiceCollection AddTssDistribution(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queue = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>()?.DistributeQueue ?? new PipelineOptions().DistributeQueue;
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddOptions<DistributionOptions>().BindConfiguration(DistributionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.AddTssStorage();
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.TryAddSingleton<IDistributionTargets, NoDistributionTargets>();
        services.TryAddSingleton<WebhookClient>();
        services.TryAddSingleton<MailSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliverySource, DocumentOutcomeSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliverySource, EventDeliverySource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliverySource, Offline.OfflineAlertSource>());
        services.TryAddSingleton<Distributor>();
        // Replaces a feature's refusing default (MD-e registers one so a host without this fails loudly).
        services.Replace(ServiceDescriptor.Singleton<IDeliveryDispatcher>(sp => sp.GetRequiredService<Distributor>()));
        services.Replace(ServiceDescriptor.Singleton<IDeliverer>(sp => sp.GetRequiredService<Distributor>()));
        services.AddTssDeliveries();
        services.TryAddSingleton<Danfe.DanfeCache>();
        services.TryAddSingleton<DeliveryLog>();
        if (!services.Any(d => d.ServiceType == typeof(DistributionQueueMarker)))
        {
            services.AddSingleton<DistributionQueueMarker>();
            services.AddQueueHandler<DistributeMessage, DistributeHandler>(queue);
        }
        return services;
    }

    /// <summary>Marks the distribute queue's listener as registered (the extension may be called more than once).</summary>
    private sealed class DistributionQueueMarker;
}
