using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage.Internal;

namespace Tss.Runtime.Storage;

/// <summary>Registers the storage clients.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StorageOptions"/> (bound to the <c>Storage</c> section, validated at start),
    /// <see cref="StorageTransactionCounter"/> and <see cref="StorageClients"/> as singletons, and
    /// <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    /// <param name="configure">Applied after configuration binding (tests point it at Azurite). Safe to call more than once.</param>
    public static IServiceCollection AddTssStorage(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StorageOptions>();
        if (!services.Any(d => d.ServiceType == typeof(StorageClients)))
        {
            // First call only: a second call (e.g. from AddTssQueues) must not bind again after an explicit configure.
            options.BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        }
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<StorageTransactionCounter>();
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
