using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Sefaz.Client.Status;
using Tss.Trust;

namespace Tss.Sefaz.Client;

/// <summary>Registers the SEFAZ client, its options (section "Sefaz", validated at start), the trust anchors it checks servers
/// against (<see cref="TrustServiceCollectionExtensions.AddTssTrust"/>) and the shared status cache.</summary>
public static class SefazClientServiceCollectionExtensions
{
    public static IServiceCollection AddSefazClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SefazClientOptions>()
            .BindConfiguration(SefazClientOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTssTrust();
        services.TryAddSingleton<SefazEndpoints>();
        services.TryAddSingleton(sp => new SefazClient(
            sp.GetRequiredService<SefazEndpoints>(),
            sp.GetRequiredService<IOptions<SefazClientOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SefazClient>>(),
            sp.GetRequiredService<TrustAnchors>()));
        services.AddOptions<StatusServiceCacheOptions>()
            .BindConfiguration(StatusServiceCacheOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The host replaces the store with its table-backed one so the 3-minute rule holds across instances.
        services.TryAddSingleton<IStatusCacheStore, InMemoryStatusCacheStore>();
        services.TryAddSingleton(sp => new StatusServiceCache(
            sp.GetRequiredService<IStatusCacheStore>(),
            sp.GetRequiredService<IOptions<StatusServiceCacheOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<SefazClient>(),
            sp.GetRequiredService<SefazEndpoints>()));
        return services;
    }
}
