using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Durable;
using Tss.Functions.Durable;
using Tss.Functions.Http;
using Tss.Functions.Queues;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Soap;
using Tss.Mde;
using Tss.Mde.Hosting;
using Tss.Orchestrations.Delivery;
using Tss.Orchestrations.Epec;
using Tss.Orchestrations.Events;
using Tss.Orchestrations.Lots;
using Tss.Orchestrations.Mde;
using Tss.Pipeline;
using Tss.Pipeline.Events;
using Tss.Pipeline.Hosting;
using Tss.Runtime.Queues;
using Tss.Tenancy;

namespace Tss.Functions.Hosting;

/// <summary>Registers the Functions app's services.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The local host's services (tenancy, pipeline, orchestrations' starters, MD-e, REST and SOAP) without its
    /// engine and loops: Durable Functions runs the orchestrations, queue and timer triggers replace the queue
    /// listeners and start-up steps. The shared services get a <c>DurableTaskClient</c> that forwards to the one the
    /// running trigger was handed (<see cref="BoundDurableClient"/>). Options are validated at start as on the local host.
    /// </summary>
    public static IServiceCollection AddTssFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var hostedBefore = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();

        services.AddTssClock(configuration);
        services.AddTssTenancy();
        services.AddTssPipeline(configuration);
        services.AddTssLotOrchestration();
        services.AddTssEventOrchestration();
        services.AddTssEpecOrchestration();
        services.AddTssMde(configuration);
        services.AddTssMdeOrchestration();
        services.AddTssDeliveryOrchestration();
        services.AddTssApiKeyAuthentication();
        services.AddTssApi();
        services.AddTssSoap();
        services.AddRouting();

        // The local host's queue listeners and start-up steps registered above: triggers do their work here.
        foreach (var added in services.Where(d => d.ServiceType == typeof(IHostedService) && !hostedBefore.Contains(d)).ToList())
        {
            services.Remove(added);
        }
        services.AddTssStorageBootstrap();
        services.AddHostedService<FunctionsBootstrap>();

        services.AddOptions<DurableOptions>().Bind(configuration.GetSection(DurableOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().Validate<IOptions<EventsOptions>, IOptions<MdeOptions>>(
            (pipeline, events, mde) => QueueTriggerNames.Check(pipeline, events.Value, mde.Value).Count == 0,
            "The configured queue names differ from the queue triggers' (Tss.Functions.Queues.QueueTriggerNames).");
        services.AddSingleton<BoundDurableClient>();
        services.AddSingleton<Microsoft.DurableTask.Client.DurableTaskClient>(sp => sp.GetRequiredService<BoundDurableClient>());
        services.AddSingleton<QueueDispatcher>();
        services.AddSingleton<ApiForwarder>();
        services.AddTssFunctionsTelemetry(configuration);
        return services;
    }
}
