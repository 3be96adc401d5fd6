using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Runtime.Queues.Internal;
using Tss.Runtime.Storage;

namespace Tss.Runtime.Queues;

/// <summary>Registers queue senders, durable timers and queue-triggered handlers.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IQueueSender"/> and the storage clients (idempotent).</summary>
    public static IServiceCollection AddTssQueues(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTssStorage();
        services.AddOptions<QueueSerializationOptions>();
        services.TryAddSingleton<QueueWakeups>();
        services.TryAddSingleton<QueueSender>();
        services.TryAddSingleton<IQueueSender>(sp => sp.GetRequiredService<QueueSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueueListenerOptions>, QueueListenerOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="THandler"/> (scoped, one scope per message) for every message on
    /// <paramref name="queueName"/>. The queue and its poison queue are created when the host starts; the options
    /// are the defaults, then <paramref name="configure"/>, then configuration section <c>Queues:&lt;queue-name&gt;</c>,
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddQueueHandler<TMessage, THandler>(
        this IServiceCollection services, string queueName, Action<QueueListenerOptions>? configure = null)
        where THandler : class, IQueueHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        services.AddTssQueues();
        services.AddKeyedScoped<IQueueHandler<TMessage>, THandler>(queueName);
        services.AddOptions<QueueListenerOptions>(queueName)
            .Configure(o => configure?.Invoke(o))
            .BindConfiguration($"Queues:{queueName}")
            .PostConfigure(o => o.QueueName = queueName)
            .ValidateOnStart();
        // Not AddHostedService: it de-duplicates by type, and two queues may carry the same message type.
        services.AddSingleton<IHostedService>(sp => new QueueListener<TMessage>(
            queueName,
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<IOptionsMonitor<QueueListenerOptions>>(),
            sp.GetRequiredService<IOptions<QueueSerializationOptions>>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<QueueWakeups>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueListener<TMessage>>>()));
        return services;
    }
}
