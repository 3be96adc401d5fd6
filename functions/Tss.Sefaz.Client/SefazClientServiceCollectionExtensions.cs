using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client;

/// <summary>Registers the SEFAZ client and its options (section "Sefaz", validated at start).</summary>
public static class SefazClientServiceCollectionExtensions
{
    public static IServiceCollection AddSefazClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SefazClientOptions>()
            .BindConfiguration(SefazClientOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SefazEndpoints>();
        services.TryAddSingleton(sp => new SefazClient(
            sp.GetRequiredService<SefazEndpoints>(),
            sp.GetRequiredService<IOptions<SefazClientOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SefazClient>>()));
        return services;
    }
}
