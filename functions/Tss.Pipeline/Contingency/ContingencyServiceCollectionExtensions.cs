using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tss.Pipeline.Contingency;

/// <summary>Registers the contingency policy: options (section "Contingency"), the shared state, the reporter hook and the status probe.</summary>
public static class ContingencyServiceCollectionExtensions
{
    public static IServiceCollection AddTssContingency(this IServiceCollection services)
    {
        services.AddOptions<ContingencyOptions>().BindConfiguration(ContingencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ContingencyService>();
        services.TryAddSingleton<ContingencyReporter>();
        services.TryAddSingleton<ContingencyProbe>();
        services.AddHostedService(sp => sp.GetRequiredService<ContingencyProbe>());
        return services;
    }
}
