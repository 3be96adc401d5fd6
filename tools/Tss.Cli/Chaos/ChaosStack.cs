using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Tss.Cli.Local;
using Tss.DevTools.Chaos;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Tss.Protocol.Time;
using Tss.Tenancy.Credits;

namespace Tss.Cli.Chaos;

/// <summary>
/// What a chaos run kills and restarts: Azurite persisted to a directory (a restart loses nothing), the simulator
/// in this process, the host as its own process, and the webhook receiver; one scaled clock for host and simulator.
/// </summary>
internal sealed class ChaosStack : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly LocalStack _local;
    private readonly Dictionary<string, string?> _environment;
    private readonly string _hostAssembly;
    private readonly int _port;

    private ChaosStack(AzuriteServer azurite, string dataDirectory, LocalStack local, WebhookReceiver webhooks, ScaledTimeProvider clock,
        Dictionary<string, string?> environment, string hostAssembly)
    {
        Azurite = azurite;
        _dataDirectory = dataDirectory;
        _local = local;
        Webhooks = webhooks;
        Clock = clock;
        _environment = environment;
        _hostAssembly = hostAssembly;
        _port = FreePorts.Allocate();
    }

    public AzuriteServer Azurite { get; private set; }
    public WebApplication Simulator => _local.Simulator;
    public WebhookReceiver Webhooks { get; }
    public ScaledTimeProvider Clock { get; }
    public HostProcess? Host { get; private set; }
    public Uri HostUri => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}/"));
    public ICreditLedger Credits => _local.Credits;
    public string ConnectionString => Azurite.ConnectionString;

    public static async Task<ChaosStack> StartAsync(ChaosSettings s)
    {
        var data = Directory.CreateTempSubdirectory("tss-chaos-azurite-").FullName;
        var azurite = await AzuriteServer.StartAsync(data);
        var clock = new ScaledTimeProvider(DateTimeOffset.UtcNow, s.ClockScale);
        // The whole run stays in the simulator's exchange log: the blind-resend check reads every exchange.
        var local = await LocalStack.StartAsync(azurite.ConnectionString, clock, "chaos", exchangeLogCapacity: 1_000_000);
        var webhooks = await WebhookReceiver.StartAsync();

        var environment = local.HostEnvironment();
        environment["Clock__Scale"] = s.ClockScale.ToString(CultureInfo.InvariantCulture);
        environment["Clock__Origin"] = clock.Origin.ToString("O", CultureInfo.InvariantCulture);
        environment["Pipeline__GatheringWindow"] = "00:00:00.200";
        environment["Credits__Enabled"] = "true";
        environment["Distribution__AllowLoopback"] = "true";
        environment["Logging__LogLevel__Default"] = s.Verbose ? "Information" : "Warning";
        foreach (var (key, value) in CrashResumeSettings.For())
        {
            environment[key] = value;
        }
        return new ChaosStack(azurite, data, local, webhooks, clock, environment, s.HostAssembly ?? HostProcess.DefaultAssembly());
    }

    /// <summary>A tenant per entity, its webhook pointed at the receiver, <paramref name="credits"/> credits; returns (CNPJ, API key).</summary>
    public async Task<List<(string Cnpj, string TenantId, string ApiKey)>> OnboardAsync(int entities, long credits)
    {
        var result = new List<(string, string, string)>();
        for (var i = 0; i < entities; i++)
        {
            var cnpj = Tss.Protocol.Parties.Cnpj.WithCheckDigits($"445556660{i + 1:D3}");
            var tenant = await _local.Admin.CreateTenantAsync($"Chaos {i + 1}", $"chaos{i + 1}");
            using var cert = _local.IssueECnpj(cnpj, "EMITENTE CHAOS " + cnpj);
            await _local.SaveEntityAsync(tenant.TenantId, cnpj, cert, Webhooks.Url, "chaos-webhook-secret-" + cnpj);
            await Credits.TopUpAsync(tenant.TenantId, credits, "chaos-start", "chaos", CancellationToken.None);
            var key = await _local.Admin.CreateApiKeyAsync(tenant.TenantId);
            result.Add((cnpj, tenant.TenantId, key.Key));
        }
        return result;
    }

    public async Task StartHostAsync() =>
        Host = await HostProcess.StartAsync(_hostAssembly, _port, _environment, timeout: TimeSpan.FromMinutes(3));

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillHostAsync()
    {
        if (Host is { } host)
        {
            host.Kill();
            await host.DisposeAsync();
            Host = null;
        }
    }

    /// <summary>Stops Azurite (gracefully: it writes its data) and starts it again on the same directory and ports.</summary>
    public async Task RestartAzuriteAsync()
    {
        var ports = Azurite.Ports;
        await Azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        await Azurite.DisposeAsync();
        Azurite = await AzuriteServer.StartAsync(_dataDirectory, ports);
    }

    public async ValueTask DisposeAsync()
    {
        await KillHostAsync();
        await Webhooks.DisposeAsync();
        await _local.DisposeAsync();
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
