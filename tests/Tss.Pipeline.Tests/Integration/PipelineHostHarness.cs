using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Durable;
using Tss.Orchestrations.Events;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Ingest;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Time;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;

namespace Tss.Pipeline.Tests.Integration;

/// <summary>
/// The pipeline as the host runs it, for the tests that drive it through its real listeners: Azurite, the simulator over
/// HTTPS and one clock scaled 30× shared by both, the pipeline with its lot (and optionally event) orchestrations on the
/// product's Durable engine (DurableTask.AzureStorage on Azurite, the test's own task hub), one SP entity. Tests own one
/// harness each (IAsyncLifetime) and read what they need from <see cref="Services"/>.
/// </summary>
public sealed class PipelineHostHarness : IAsyncDisposable
{
    public const string Cnpj = "11222333000181";
    private readonly AzuriteFixture _azurite = new();
    private int _nNF;

    private PipelineHostHarness()
    {
    }

    public ScaledTimeProvider Time { get; } = new(DateTimeOffset.UtcNow, 30);

    public SimulatorHarness Simulator { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public EntityInfo Entity { get; } = new("tenant1", Cnpj, "SP", 2, "test");

    public TableClient Documents =>
        Services.GetRequiredService<StorageClients>().GetTable(Services.GetRequiredService<IOptions<PipelineOptions>>().Value.DocumentsTable);

    /// <summary>Starts Azurite, the simulator and the host; <paramref name="settings"/> are added to the test settings.</summary>
    public static async Task<PipelineHostHarness> StartAsync(string company, IReadOnlyDictionary<string, string?> settings, bool events, CancellationToken ct)
    {
        var harness = new PipelineHostHarness();
        await harness._azurite.InitializeAsync();
        try
        {
            harness.Simulator = await SimulatorHarness.StartAsync(harness.Time, ct);
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            var suffix = harness._azurite.UniqueName("h");
            builder.Configuration.AddInMemoryCollection(TestSettings.WithSimulator(harness._azurite.ConnectionString, suffix, harness.Simulator)
                .With(new Dictionary<string, string?>(settings)
                {
                    ["Pipeline:GatheringWindow"] = "00:00:00.200",
                    ["Pipeline:Events:Queue"] = "evt-" + suffix,
                    ["Pipeline:Events:StatusTable"] = "status" + suffix,
                }));
            builder.Services.AddSingleton<TimeProvider>(harness.Time);
            builder.Services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(harness.Entity, harness.Simulator.Ca.IssueECnpj(Cnpj, company)));
            builder.Services.AddTssPipeline(builder.Configuration);
            // Lots (and events) run as orchestrations on the product's Durable engine; durable timers on real time while
            // the clock runs x30. The in-memory test engine left a lot unfinished once in CI; the real backend is what the host runs.
            builder.Services.AddTssLotOrchestration();
            if (events)
            {
                builder.Services.AddTssEventOrchestration();
            }
            builder.Services.AddTssDurable(builder.Configuration);
            harness.Host = builder.Build();

            var o = harness.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var storage = harness.Services.GetRequiredService<StorageClients>();
            await storage.GetTable(o.DocumentsTable).CreateIfNotExistsAsync(ct);
            await storage.GetTable(o.ErpIdsTable).CreateIfNotExistsAsync(ct);
            await storage.GetQueue(o.DistributeQueue).CreateIfNotExistsAsync(cancellationToken: ct);
            await storage.GetContainer(o.ProcContainer).CreateIfNotExistsAsync(cancellationToken: ct);
            await storage.GetContainer(o.SignedContainer).CreateIfNotExistsAsync(cancellationToken: ct);
            await storage.GetQueue(harness.Services.GetRequiredService<IOptions<Tss.Pipeline.Events.EventsOptions>>().Value.Queue).CreateIfNotExistsAsync(cancellationToken: ct);
            await harness.Host.StartAsync(ct);
            return harness;
        }
        catch
        {
            await harness._azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.StopAsync(CancellationToken.None);
            Host.Dispose();
        }
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }

    /// <summary>Submits <paramref name="count"/> new NF-e (consecutive numbers) asynchronously; answers their keys.</summary>
    public async Task<List<string>> SubmitAsync(int count, CancellationToken ct)
    {
        var ingest = Services.GetRequiredService<IngestService>();
        var items = Enumerable.Range(0, count)
            .Select(_ => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = Interlocked.Increment(ref _nNF), Items = 2 }, Time), null))
            .ToList();
        var results = await ingest.SubmitAsync(Entity, items, sync: false, ct);
        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        return [.. results.Select(r => r.chNFe!)];
    }

    /// <summary>The stored document of a key, if any.</summary>
    public async Task<DocumentRecord?> DocumentAsync(string chNFe, CancellationToken ct)
    {
        var doc = await Documents.GetEntityIfExistsAsync<DocumentRecord>(DocumentRecord.PartitionFor(Entity.TenantId, AccessKey.Parse(chNFe)), chNFe, cancellationToken: ct);
        return doc.HasValue ? doc.Value : null;
    }

    /// <summary>True when every key is stored with the status <paramref name="status"/> (Authorized by default).</summary>
    public async Task<bool> AllAsync(IReadOnlyList<string> keys, CancellationToken ct, DocumentStatus status = DocumentStatus.Authorized)
    {
        foreach (var key in keys)
        {
            if ((await DocumentAsync(key, ct))?.Status != status.ToString())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The simulator's authorization base (GET /admin/authorizations).</summary>
    public async Task<List<SimulatorAuthorization>> AuthorizationsAsync(CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = Simulator.AdminUri };
        return (await admin.GetFromJsonAsync<List<SimulatorAuthorization>>(new Uri("/admin/authorizations", UriKind.Relative), ct))!;
    }

    /// <summary>Polls <paramref name="done"/> every half second, failing after <paramref name="seconds"/>.</summary>
    public static async Task WaitAsync(Func<Task<bool>> done, string what, CancellationToken ct, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + what);
            await Task.Delay(500, ct);
        }
    }
}
