using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Entities;
using Tss.Durable;
using Tss.Mde.Hosting;
using Tss.Orchestrations.Mde;
using Tss.Protocol.Parties;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator.Distribuicao;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;

namespace Tss.Mde.Tests.Integration;

/// <summary>
/// Azurite, the simulator (its clock 600× fast: SEFAZ's hour lasts 6 s) and an MD-e host whose cursors run as
/// orchestrations on the local Durable engine (a task hub of its own). The service clock is real time and SEFAZ's hour
/// is shortened by configuration (<c>Mde:ConsumptionHour</c>) to 7 s (+ 0.5 s margin), just longer than the simulator's;
/// the sync interval is 2 s, so the hour's wait is what spaces the passes.
/// The host can be stopped and started again on the same storage and hub (a restart). Its Azurite is its own, so the
/// hub goes with it.
/// </summary>
public sealed class MdeOrchestrationStack : IAsyncDisposable
{
    private static int _nextCnpj;
    private readonly AzuriteFixture _azurite = new();
    private Dictionary<string, string?> _settings = [];

    public ScaledTimeProvider SimulatorTime { get; } = new(DateTimeOffset.UtcNow, 600);
    public SimulatorHarness Simulator { get; private set; } = null!;
    public IHost Host { get; private set; } = null!;
    internal TestEntities Entities { get; } = new();
    public HttpClient Admin { get; private set; } = null!;
    public string TaskHub { get; private set; } = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MdeOrchestrationStack> StartAsync()
    {
        var stack = new MdeOrchestrationStack();
        await stack._azurite.InitializeAsync();
        stack.Simulator = await SimulatorHarness.StartAsync(stack.SimulatorTime, CancellationToken.None);
        stack.Admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        var suffix = stack._azurite.UniqueName("o");
        stack.TaskHub = TestSettings.DurableHub(suffix);
        var settings = MdeTestSettings.Storage(stack._azurite.ConnectionString, suffix);
        settings["Sefaz:BaseUrlOverride"] = stack.Simulator.SoapUri.ToString().TrimEnd('/');
        settings["Sefaz:TrustAnchorPath"] = stack.Simulator.AnchorPath;
        settings["Durable:TaskHub"] = stack.TaskHub;
        settings["Durable:MaxQueuePollingInterval"] = "00:00:00.200";
        // A message the stopped host still held reappears soon for the restarted one.
        settings["Durable:ControlQueueVisibilityTimeout"] = "00:00:05";
        settings["Durable:WorkItemQueueVisibilityTimeout"] = "00:00:05";
        settings["Mde:ConsumptionHour"] = "00:00:07";
        settings["Mde:BlockMargin"] = "00:00:00.500";
        // Every pass as soon as the blocks allow (the hour's wait after maxNSU is what spaces them).
        settings["Mde:SyncInterval"] = "00:00:02";
        stack._settings = settings;
        await stack.StartHostAsync();
        return stack;
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public DurableTaskClient Client => Get<DurableTaskClient>();

    /// <summary>Starts a host (again) on the stack's storage and task hub.</summary>
    public async Task StartHostAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TSS_TEST_LOG") is { Length: > 0 } path)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        }
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEntityDirectory>(Entities);
        builder.Services.AddTssMde(builder.Configuration);
        builder.Services.AddTssDurable(builder.Configuration);
        builder.Services.AddTssMdeOrchestration();
        Host = builder.Build();
        await Host.StartAsync(Ct);
    }

    /// <summary>Stops the host (its orchestrations wait on their timers in storage) and disposes it.</summary>
    public async Task StopHostAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
        Host = null!;
    }

    /// <summary>A fresh company with its certificate from the simulator's CA.</summary>
    public EntityInfo NewEntity()
    {
        var cnpj = Cnpj.WithCheckDigits($"6{Interlocked.Increment(ref _nextCnpj):0000000}0001");
        return Entities.Add(cnpj, Simulator.Ca.IssueECnpj(cnpj, "DESTINATARIO MDE LTDA"));
    }

    public async Task SeedAsync(string cnpj, int count)
    {
        using var response = await Admin.PostAsJsonAsync($"/admin/distdfe/{cnpj}/documents", new { count }, Ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task SettingsAsync(int pageSize = 50, int latencyMs = 0)
    {
        using var response = await Admin.PostAsJsonAsync("/admin/distdfe/settings", new { pageSize, latencyMs, queryLimit = 20 }, Ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task<DistPartyView> PartyAsync(string cnpj) =>
        (await Admin.GetFromJsonAsync<DistPartyView>($"/admin/distdfe/{cnpj}", Json, Ct))!;

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await StopHostAsync();
        }
        Admin?.Dispose();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}
