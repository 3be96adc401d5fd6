using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Chaos;
using Tss.DevTools.Local;
using Tss.DevTools.Pki;
using Tss.DevTools.Processes;
using Tss.Pipeline.Credits;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;

namespace Tss.Cli.Chaos;

/// <summary>
/// What a chaos run kills and restarts: Azurite persisted to a directory (a restart loses nothing), the simulator
/// in this process, the host as its own process, and the webhook receiver; one scaled clock for host and simulator.
/// </summary>
internal sealed class ChaosStack : IAsyncDisposable
{
    private const string MasterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private readonly string _dataDirectory;
    private readonly string _anchor;
    private readonly TestCertificateAuthority _ca;
    private readonly Dictionary<string, string?> _environment;
    private readonly ServiceProvider _tenancy;
    private readonly string _hostAssembly;
    private readonly int _port;

    private ChaosStack(AzuriteServer azurite, string dataDirectory, WebApplication simulator, TestCertificateAuthority ca, string anchor,
        WebhookReceiver webhooks, ScaledTimeProvider clock, ServiceProvider tenancy, Dictionary<string, string?> environment, string hostAssembly)
    {
        Azurite = azurite;
        _dataDirectory = dataDirectory;
        Simulator = simulator;
        _ca = ca;
        _anchor = anchor;
        Webhooks = webhooks;
        Clock = clock;
        _tenancy = tenancy;
        _environment = environment;
        _hostAssembly = hostAssembly;
        _port = FreePorts.Allocate();
    }

    public AzuriteServer Azurite { get; private set; }
    public WebApplication Simulator { get; }
    public WebhookReceiver Webhooks { get; }
    public ScaledTimeProvider Clock { get; }
    public HostProcess? Host { get; private set; }
    public Uri HostUri => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}/"));
    public ICreditLedger Credits => _tenancy.GetRequiredService<ICreditLedger>();
    public string ConnectionString => Azurite.ConnectionString;

    public static async Task<ChaosStack> StartAsync(ChaosSettings s)
    {
        var data = Directory.CreateTempSubdirectory("tss-chaos-azurite-").FullName;
        var azurite = await AzuriteServer.StartAsync(data);
        var clock = new ScaledTimeProvider(DateTimeOffset.UtcNow, s.ClockScale);
        var ca = TestCertificateAuthority.Create("TSS Chaos CA");
        var anchor = Path.Combine(Path.GetTempPath(), $"tss-chaos-ca-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(anchor);
        var simulator = SimulatorApp.Build(new SimulatorOptions
        {
            SoapPort = 0,
            AdminPort = 0,
            ServerCertificate = ca.IssueServer("localhost"),
            ClientCaCertificate = ca.Certificate,
            TMedSeconds = 0,
            MinPollInterval = TimeSpan.Zero,
            ExchangeLogCapacity = 1_000_000, // the whole run: the blind-resend check reads every exchange
        }, clock, l => l.ClearProviders());
        await simulator.StartAsync();
        var webhooks = await WebhookReceiver.StartAsync();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Certificates:MasterKey"] = MasterKey,
            ["Certificates:MasterKeyId"] = "chaos",
            ["Certificates:TrustAnchors:Paths:0"] = anchor,
            ["Certificates:TrustAnchors:RevocationMode"] = "NoCheck",
        }).Build());
        services.AddLogging();
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        var tenancy = services.BuildServiceProvider();
        await tenancy.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(CancellationToken.None);

        var environment = new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Certificates__MasterKey"] = MasterKey,
            ["Certificates__MasterKeyId"] = "chaos",
            ["Sefaz__BaseUrlOverride"] = SimulatorApp.SoapUri(simulator).ToString().TrimEnd('/'),
            ["Sefaz__TrustAnchorPath"] = anchor,
            ["Certificates__TrustAnchors__Paths__0"] = anchor,
            ["Certificates__TrustAnchors__RevocationMode"] = "NoCheck",
            ["Clock__Scale"] = s.ClockScale.ToString(CultureInfo.InvariantCulture),
            ["Clock__Origin"] = clock.Origin.ToString("O", CultureInfo.InvariantCulture),
            ["Pipeline__GatheringWindow"] = "00:00:00.200",
            ["Credits__Enabled"] = "true",
            ["Distribution__AllowLoopback"] = "true",
            ["Logging__LogLevel__Default"] = s.Verbose ? "Information" : "Warning",
        };
        foreach (var (key, value) in CrashResumeSettings.For())
        {
            environment[key] = value;
        }
        return new ChaosStack(azurite, data, simulator, ca, anchor, webhooks, clock, tenancy, environment, s.HostAssembly ?? HostProcess.DefaultAssembly());
    }

    /// <summary>A tenant per entity, its webhook pointed at the receiver, <paramref name="credits"/> credits; returns (CNPJ, API key).</summary>
    public async Task<List<(string Cnpj, string TenantId, string ApiKey)>> OnboardAsync(int entities, long credits)
    {
        var admin = _tenancy.GetRequiredService<TenancyAdmin>();
        var result = new List<(string, string, string)>();
        for (var i = 0; i < entities; i++)
        {
            var cnpj = Tss.Protocol.Parties.Cnpj.WithCheckDigits($"445556660{i + 1:D3}");
            var tenant = await admin.CreateTenantAsync($"Chaos {i + 1}", $"chaos{i + 1}");
            using var cert = _ca.IssueECnpj(cnpj, "EMITENTE CHAOS " + cnpj);
            await admin.SaveEntityAsync(new EntityRegistration
            {
                TenantId = tenant.TenantId,
                Cnpj = cnpj,
                Uf = "SP",
                tpAmb = 2,
                Pfx = cert.Export(X509ContentType.Pkcs12, "chaos"),
                PfxPassword = "chaos",
                WebhookUrl = Webhooks.Url,
                WebhookSecret = "chaos-webhook-secret-" + cnpj,
            });
            await Credits.TopUpAsync(tenant.TenantId, credits, "chaos-start", "chaos", CancellationToken.None);
            var key = await admin.CreateApiKeyAsync(tenant.TenantId);
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
        await Simulator.StopAsync();
        await Simulator.DisposeAsync();
        await _tenancy.DisposeAsync();
        await Azurite.DisposeAsync();
        _ca.Dispose();
        File.Delete(_anchor);
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
