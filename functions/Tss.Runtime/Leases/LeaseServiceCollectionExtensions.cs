using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Runtime.Leases.Internal;
using Tss.Runtime.Storage;

namespace Tss.Runtime.Leases;

/// <summary>Registers <see cref="BlobLeaseSingleton"/>.</summary>
public static class LeaseServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BlobLeaseSingleton"/> with <see cref="BlobLeaseOptions"/> (section <c>Leases</c>, validated at start).</summary>
    public static IServiceCollection AddBlobLeaseSingleton(this IServiceCollection services, Action<BlobLeaseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTssStorage();
        var options = services.AddOptions<BlobLeaseOptions>().BindConfiguration(BlobLeaseOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobLeaseOptions>, BlobLeaseOptionsValidator>());
        services.TryAddSingleton<BlobLeaseSingleton>();
        return services;
    }
}
