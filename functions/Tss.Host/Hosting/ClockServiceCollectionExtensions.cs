using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Protocol.Time;

namespace Tss.Host.Hosting;

/// <summary>The host's clock: real, or scaled (section "Clock": Scale, Origin) so end-to-end runs take seconds.</summary>
public static class ClockServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TimeProvider"/> from "Clock:Scale" (default 1) and "Clock:Origin" (ISO 8601, required when scaled), unless one is registered already.</summary>
    public static IServiceCollection AddTssClock(this IServiceCollection services, IConfiguration configuration)
    {
        var scale = configuration.GetValue("Clock:Scale", 1.0);
        var clock = ScaledTimeProvider.FromConfiguration(configuration["Clock:Origin"], scale);
        services.TryAddSingleton(clock ?? TimeProvider.System);
        return services;
    }
}
