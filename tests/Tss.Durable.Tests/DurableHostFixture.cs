using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tss.Orchestrations;
using Tss.Testing.Azurite;
using Tss.Testing.Durable;
using Tss.Testing.Hosting;

namespace Tss.Durable.Tests;

/// <summary>Azurite for the Durable tests, and hosts with the engine on a task hub of the test's own.</summary>
public sealed class DurableHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private readonly List<string> hubs = [];

    public string ConnectionString => azurite.ConnectionString;

    /// <summary>A task hub no other test uses (deleted when the fixture ends).</summary>
    public string NewHub()
    {
        var hub = TestSettings.DurableHub(azurite.UniqueName("h"));
        lock (hubs)
        {
            hubs.Add(hub);
        }
        return hub;
    }

    /// <summary>Builds (does not start) a host with the engine on <paramref name="hub"/> and the test tasks.</summary>
    public IHost BuildHost(string hub, EffectLog? effects = null, IDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = ConnectionString,
            ["Durable:TaskHub"] = hub,
            ["Durable:ShutdownTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(effects ?? new EffectLog());
        builder.Services.AddDurableTasks(r => r.AddOrchestrator<TimerOrchestrator>().AddActivity<RecordEffectActivity>());
        builder.Services.AddTssDurable(builder.Configuration);
        return builder.Build();
    }

    public async ValueTask InitializeAsync() => await azurite.InitializeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in hubs)
        {
            try
            {
                await DurableTesting.DeleteTaskHubAsync(ConnectionString, hub).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException)
            {
                // Never created (a test whose host failed to start).
            }
        }
        await azurite.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The client of a started host.</summary>
public static class HostClient
{
    public static DurableTaskClient Client(this IHost host) => host.Services.GetRequiredService<DurableTaskClient>();
}
