using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Documents;
using Tss.DevTools.Chaos;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Documents;
using Tss.Protocol.Time;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;
using Tss.Testing.Tenancy;

namespace Tss.Host.Tests.EndToEnd;

/// <summary>
/// The product as it runs: the host as its own OS process (so it can be SIGKILLed and restarted), a real Azurite, the
/// simulator over mutual TLS, and one scaled clock shared by host and simulator through a common origin.
/// </summary>
internal sealed class ProcessStack : IAsyncDisposable
{
    private const string MasterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private readonly Dictionary<string, string?> _environment;
    private readonly ServiceProvider _tenancy;
    private bool _started;

    private ProcessStack(AzuriteServer azurite, SimulatorHarness simulator, ScaledTimeProvider clock, Dictionary<string, string?> environment, ServiceProvider tenancy)
    {
        Azurite = azurite;
        Simulator = simulator;
        Clock = clock;
        _environment = environment;
        _tenancy = tenancy;
        Port = FreePorts.Allocate();
    }

    public AzuriteServer Azurite { get; }
    public SimulatorHarness Simulator { get; }
    public ScaledTimeProvider Clock { get; }
    public HostProcess? Host { get; private set; }
    public int Port { get; private set; }
    public TableClient Documents => new TableServiceClient(Azurite.ConnectionString).GetTableClient("documents");

    /// <summary>The tenants' webhook endpoint (started by <see cref="NewAuditedTenantAsync"/>).</summary>
    public WebhookReceiver? Webhooks { get; private set; }

    public ICreditLedger Credits => _tenancy.GetRequiredService<ICreditLedger>();

    public static async Task<ProcessStack> StartAsync(double scale, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var azurite = await AzuriteServer.StartAsync();
        var clock = new ScaledTimeProvider(DateTimeOffset.UtcNow, scale);
        var simulator = await SimulatorHarness.StartAsync(clock, CancellationToken.None);
        var environment = new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Certificates__MasterKey"] = MasterKey,
            ["Certificates__MasterKeyId"] = "e2e",
            ["Sefaz__BaseUrlOverride"] = simulator.SoapUri.ToString().TrimEnd('/'),
            ["Sefaz__TrustAnchorPath"] = simulator.AnchorPath,
            ["Certificates__TrustAnchors__IcpBrasil"] = "false",
            ["Certificates__TrustAnchors__Paths__0"] = simulator.AnchorPath,
            ["Clock__Scale"] = scale.ToString(CultureInfo.InvariantCulture),
            ["Clock__Origin"] = clock.Origin.ToString("O", CultureInfo.InvariantCulture),
            ["Pipeline__GatheringWindow"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            environment[k] = v;
        }
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Certificates:MasterKey"] = MasterKey,
            ["Certificates:MasterKeyId"] = "e2e",
        }.With(TestSettings.TrustingTestCa(simulator.AnchorPath))).Build());
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        var tenancy = services.BuildServiceProvider();
        await tenancy.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new ProcessStack(azurite, simulator, clock, environment, tenancy);
    }

    public async Task StartHostAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Host = await HostProcess.StartAsync(HostProcess.DefaultAssembly(configuration), Port, _environment);
                _started = true;
                return;
            }
            catch (InvalidOperationException e) when (!_started && attempt < 4 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The free port was taken between choosing it and binding it (parallel test projects): choose again.
                // After the first start the port stays, since clients already point at it.
                Port = FreePorts.Allocate();
            }
        }
    }

    /// <summary>Waits until the host process ended by itself (a <c>CrashPoint</c> fired), then forgets it.</summary>
    public async Task WaitForHostExitAsync(TimeSpan timeout)
    {
        var host = Host ?? throw new InvalidOperationException("No host running.");
        var deadline = DateTime.UtcNow + timeout;
        while (host.IsRunning)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host was still running after {timeout.TotalSeconds:0} s:{Environment.NewLine}{host.Output}");
            }
            await Task.Delay(100);
        }
        await host.DisposeAsync();
        Host = null;
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public async Task KillHostAsync()
    {
        var host = Host ?? throw new InvalidOperationException("No host running.");
        host.Kill();
        await host.DisposeAsync();
        Host = null;
    }

    /// <summary>A tenant with these entities (test-CA e-CNPJ each) and an API key; returns a client authenticated with it.</summary>
    public async Task<HttpClient> NewTenantAsync(params string[] cnpjs)
    {
        var key = await TestOnboarding.NewTenantAsync(_tenancy.GetRequiredService<TenancyAdmin>(), Simulator.Ca, "Cliente E2E", cnpjs);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.ApiKey);
        return client;
    }

    /// <summary>
    /// As <see cref="NewTenantAsync"/> for one entity, with the entity's webhook pointed at <see cref="Webhooks"/> and
    /// <paramref name="credits"/> credits (the host needs <c>Credits__Enabled</c> and <c>Distribution__AllowLoopback</c>).
    /// </summary>
    public async Task<(HttpClient Api, string TenantId)> NewAuditedTenantAsync(string cnpj, long credits)
    {
        Webhooks ??= await WebhookReceiver.StartAsync();
        var admin = _tenancy.GetRequiredService<TenancyAdmin>();
        var tenant = await TestOnboarding.NewTenantAsync(admin, Simulator.Ca, "Cliente E2E", [cnpj]);
        await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenant.TenantId,
            Cnpj = cnpj,
            Uf = "SP",
            tpAmb = 2,
            WebhookUrl = Webhooks.Url,
            WebhookSecret = "e2e-webhook-secret",
        });
        await Credits.TopUpAsync(tenant.TenantId, credits, "e2e", "tests", CancellationToken.None);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return (client, tenant.TenantId);
    }

    /// <summary>The debit references ("chNFe:digest") in the tenant's credits ledger.</summary>
    public async Task<List<string>> DebitsAsync(string tenantId, CancellationToken ct)
    {
        var debits = new List<string>();
        string? page = null;
        do
        {
            var lines = await Credits.ListAsync(tenantId, 1000, page, ct);
            debits.AddRange(lines.Entries.Where(e => e.Kind == "debit").Select(e => e.Reference));
            page = lines.ContinuationToken;
        }
        while (page is not null);
        return debits;
    }

    /// <summary>Documents (not lots or markers) by status, read directly from storage.</summary>
    public async Task<List<DocumentRecord>> DocumentsAsync(CancellationToken ct)
    {
        var docs = new List<DocumentRecord>();
        await foreach (var d in Documents.QueryAsync<DocumentRecord>(select: ["PartitionKey", "RowKey", "Status", "cStat", "xMotivo", "SendCount", "LotId"], cancellationToken: ct))
        {
            if (!d.RowKey.Contains('|', StringComparison.Ordinal))
            {
                docs.Add(d);
            }
        }
        return docs;
    }

    /// <summary>Waits until <paramref name="count"/> documents are Authorized (or the timeout passes) and returns every document.</summary>
    public async Task<List<DocumentRecord>> WaitAuthorizedAsync(int count, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var docs = await DocumentsAsync(ct);
            if (docs.Count(d => d.Status == nameof(DocumentStatus.Authorized)) >= count || DateTime.UtcNow > deadline)
            {
                return docs;
            }
            await Task.Delay(500, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        if (Webhooks is not null)
        {
            await Webhooks.DisposeAsync();
        }
        await _tenancy.DisposeAsync();
        await Simulator.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
