using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Tss.Orchestrations;

/// <summary>How features register their durable tasks without knowing which worker runs them.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>Adds orchestrators and activities (e.g. <c>r =&gt; r.AddOrchestrator&lt;LotOrchestrator&gt;()</c>).</summary>
    public static IServiceCollection AddDurableTasks(this IServiceCollection services, Action<DurableTaskRegistry> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        services.AddSingleton(new DurableTaskRegistration(add));
        return services;
    }

    /// <summary>Applies every registration in <paramref name="provider"/> to <paramref name="registry"/>.</summary>
    public static void ApplyDurableTasks(this IServiceProvider provider, DurableTaskRegistry registry)
    {
        foreach (var registration in provider.GetServices<DurableTaskRegistration>())
        {
            registration.Apply(registry);
        }
    }
}
