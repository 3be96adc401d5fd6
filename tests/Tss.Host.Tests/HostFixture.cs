using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.DevTools.Samples;
using Tss.Pipeline;
using Tss.Protocol.Time;
using Tss.Runtime.Storage;
using Tss.Tenancy;
using Tss.Tenancy.Entities;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;
using Tss.Testing.Tenancy;

[assembly: AssemblyFixture(typeof(Tss.Host.Tests.HostFixture))]

namespace Tss.Host.Tests;

/// <summary>
/// One host for the assembly, in-process on a real Kestrel port: Azurite + the simulator over mutual TLS, one clock
/// scaled 30× shared by host and simulator. Tests isolate themselves with their own tenants.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private static int _nNF = 1000;
    private readonly AzuriteFixture _azurite = new();
    private readonly ScaledTimeProvider _time = new(DateTimeOffset.UtcNow, 30);
    private SimulatorHarness _sim = null!;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;
    public string StorageConnectionString => _azurite.ConnectionString;
    public string NewSuffix() => _azurite.UniqueName("w");
    public IServiceProvider Services => _app.Services;
    public TimeProvider Time => _time;
    internal SimulatorHarness Simulator => _sim;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            _sim = await SimulatorHarness.StartAsync(_time, CancellationToken.None);
            _app = TssHostApp.Build([], builder =>
            {
                builder.Logging.ClearProviders();
                if (Environment.GetEnvironmentVariable("TSS_TEST_LOG") == "1") { builder.Logging.AddConsole(); }
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Configuration.AddInMemoryCollection(Settings(_azurite.UniqueName("h")));
                builder.Services.AddSingleton<TimeProvider>(_time);
            });
            await _app.StartAsync();
            BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        catch
        {
            await _azurite.DisposeAsync();
            throw;
        }
    }

    internal Dictionary<string, string?> Settings(string suffix) => TestSettings.WithSimulator(_azurite.ConnectionString, suffix, _sim).With(new Dictionary<string, string?>
    {
        ["Pipeline:GatheringWindow"] = "00:00:00.200",
        ["Pipeline:MaxDocumentsPerRequest"] = "20",
        ["Pipeline:MaxRequestBytes"] = "1048576",
        ["Soap:MaxRequestBytes"] = "1048576",
        ["Contingency:DisallowedUfs:0"] = "AP", // contingency.not_allowed (tests/Tss.Host.Tests/Contingency)
        ["Certificates:MasterKey"] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()),
    });

    /// <summary>A new tenant with the given entities (test-CA certificates) and an API key.</summary>
    public async Task<TestTenant> NewTenantAsync(params string[] cnpjs)
    {
        var tenant = await TestOnboarding.NewTenantAsync(Services.GetRequiredService<TenancyAdmin>(), _sim.Ca, "Cliente de Teste", cnpjs);
        return new TestTenant(tenant.TenantId, tenant.ApiKey, Client(tenant.ApiKey));
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    /// <summary>An unsigned sample NF-e with a number no other test uses (keys stay unique across tenants).</summary>
    public string SampleNfe(string cnpj, int? nNF = null) =>
        Tss.DevTools.Samples.SampleNfe.Create(new SampleNfeOptions { EmitCnpj = cnpj, nNF = nNF ?? NextNumber() }, _time);

    public static int NextNumber() => Interlocked.Increment(ref _nNF);

    public PipelineOptions Pipeline => Services.GetRequiredService<IOptions<PipelineOptions>>().Value;

    private static readonly string[] PipelineBookkeeping = [Tss.Pipeline.Documents.PendingMarker.RowPrefix, Tss.Pipeline.Lots.LotRecord.RowPrefix, Tss.Pipeline.Lots.OpenLotMarker.RowPrefix];

    /// <summary>Rows a tenant's requests stored in the documents, ERP-id and idempotency tables (to prove a refusal stored
    /// nothing), not the pipeline's bookkeeping.</summary>
    public async Task<int> StoredRowsAsync(string tenantId)
    {
        var tables = Services.GetRequiredService<StorageClients>();
        var count = 0;
        foreach (var table in new[] { Pipeline.DocumentsTable, Pipeline.ErpIdsTable, Pipeline.IdempotencyTable })
        {
            await foreach (var row in tables.GetTable(table).QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey ge {tenantId + "|"} and PartitionKey lt {tenantId + "}"}") + " or " + TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"),
                select: ["PartitionKey", "RowKey"]))
            {
                // The pipeline's own bookkeeping (a pending marker becoming a lot and its open marker) moves on its
                // own after an accepted request; what a request stores is the rest.
                count += PipelineBookkeeping.Any(p => row.RowKey.StartsWith(p, StringComparison.Ordinal)) ? 0 : 1;
            }
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}

/// <summary>A tenant made for one test: its id, its API key and a client that sends the key.</summary>
public sealed record TestTenant(string TenantId, string ApiKey, HttpClient Http);
