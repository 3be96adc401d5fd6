using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Trust.Internal;

namespace Tss.Trust;

/// <summary>Registers the trust anchors and the chain verifier (options: section <c>Certificates:TrustAnchors</c>, validated at start).</summary>
public static class TrustServiceCollectionExtensions
{
    public static IServiceCollection AddTssTrust(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TrustAnchors)))
        {
            return services;
        }
        services.AddOptions<TrustAnchorOptions>().BindConfiguration(TrustAnchorOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustAnchorOptions>, TrustAnchorOptionsValidator>());
        services.TryAddSingleton<TrustAnchors>();
        services.TryAddSingleton(sp => new ChainVerifier(
            sp.GetRequiredService<TrustAnchors>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ChainVerifier>>()));
        return services;
    }
}
