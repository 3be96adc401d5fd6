using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Orchestrations;

namespace Tss.Testing.Durable;

/// <summary>The in-memory Durable engine (sidecar + worker + client) inside a test's container, running every
/// <c>AddDurableTasks</c> registration with activities resolved from that container.</summary>
public static class InMemoryDurableEngine
{
    /// <remarks>The sidecar's port is allocated free: the package's default (random in 30000–40000) collides with
    /// ephemeral ports in use when many tests run.</remarks>
    public static IServiceCollection AddInMemoryDurableEngine(this IServiceCollection services) =>
        services.AddInMemoryDurableTask(
            r =>
            {
                foreach (var registration in services.Select(d => d.ImplementationInstance).OfType<DurableTaskRegistration>())
                {
                    registration.Apply(r);
                }
            },
            new InMemoryDurableTaskOptions { Port = Tss.DevTools.Processes.FreePorts.Allocate() });

    /// <summary>Starts only the engine's hosted services (not the queue listeners), in registration order.</summary>
    public static async Task<IReadOnlyList<IHostedService>> StartEngineAsync(IServiceProvider provider, CancellationToken ct)
    {
        var started = new List<IHostedService>();
        foreach (var service in provider.GetServices<IHostedService>().Where(s => s.GetType().Assembly.GetName().Name!.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal)))
        {
            await service.StartAsync(ct);
            started.Add(service);
        }
        return started;
    }

    public static async Task StopEngineAsync(IReadOnlyList<IHostedService> started)
    {
        foreach (var service in started.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
