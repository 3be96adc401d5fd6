using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tss.Durable.Internal;
using Tss.Orchestrations;
using Tss.Runtime.Storage;

namespace Tss.Durable;

/// <summary>Registers the local Durable engine.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the local Durable engine: <see cref="DurableOptions"/> (section <c>Durable</c>, validated at start), the
    /// DurableTask.AzureStorage backend on the <c>Storage</c> account behind an in-process gRPC sidecar, a Durable Task
    /// worker running every <see cref="DurableTaskRegistration"/> (activities resolved from this container), a
    /// singleton <see cref="DurableTaskClient"/>, <see cref="DurableStorageTransactions"/> and the history purge.
    /// The engine is up before any hosted service's StartAsync, so the client may be used there.
    /// </summary>
    public static IServiceCollection AddTssDurable(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(DurableSidecar)))
        {
            return services;
        }

        services.AddTssStorage();
        services.AddOptions<DurableOptions>()
            .Bind(configuration.GetSection(DurableOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DurableStorageTransactions>();
        services.AddSingleton<DurableSidecar>();
        // First of the engine's hosted services: it stops last, after the worker has let go of its work items.
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.Services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                .Configure<DurableSidecar>((grpc, sidecar) => grpc.Channel = sidecar.Channel);
            worker.Services.AddOptions<DurableTaskWorkerOptions>(worker.Name)
                .Configure<IOptions<DurableOptions>>((o, durable) =>
                {
                    o.Concurrency.MaximumConcurrentActivityWorkItems = durable.Value.MaxConcurrentActivities;
                    o.Concurrency.MaximumConcurrentOrchestrationWorkItems = durable.Value.MaxConcurrentOrchestrations;
                });
            worker.Services.AddOptions<DurableTaskRegistry>(worker.Name)
                .Configure<IServiceProvider>((registry, provider) => provider.ApplyDurableTasks(registry));
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.Services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<DurableSidecar>((grpc, sidecar) => grpc.Channel = sidecar.Channel);
            client.RegisterDirectly();
        });
        services.AddHostedService<DurablePurgeService>();
        return services;
    }
}
