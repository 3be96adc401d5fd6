using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Entities;
using Tss.DevTools.Samples;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Entities;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Lots;
using Tss.Testing.Sefaz;
using Tss.Testing.Tenancy;

namespace Tss.Tenancy.Tests.Credits;

/// <summary>
/// The pipeline's stages with the real credit ledger and tenant store on Azurite, against the simulator over mutual TLS,
/// on one fake clock. Stage handlers are called directly with the messages the stages send.
/// </summary>
internal sealed class CreditPipelineHarness : IAsyncDisposable
{
    public const string Cnpj = "11222333000181";
    private static int _nNF = 5000;
    private readonly Dictionary<(string Partition, string LotId), LotStep> _running = [];

    private CreditPipelineHarness(SimulatorHarness sim, ServiceProvider services, FakeTimeProvider time, EntityInfo entity, string suffix)
        => (Sim, Services, Time, Entity, Suffix) = (sim, services, time, entity, suffix);

    public SimulatorHarness Sim { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public EntityInfo Entity { get; }
    public string Suffix { get; }
    public string TenantId => Entity.TenantId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public ICreditLedger Ledger => Get<ICreditLedger>();

    public PipelineOptions Pipeline => Get<IOptions<PipelineOptions>>().Value;

    public TableClient Documents => Get<StorageClients>().GetTable(Pipeline.DocumentsTable);

    public static async Task<CreditPipelineHarness> StartAsync(AzuriteFixture azurite)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sim = await SimulatorHarness.StartAsync(time, Ct);
        try
        {
            var suffix = azurite.UniqueName("cp");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.WithSimulator(azurite.ConnectionString, suffix, sim).With(new Dictionary<string, string?>
            {
                ["Certificates:MasterKey"] = TenancyFixture.MasterKey,
                ["Credits:Enabled"] = "true",
                ["Pipeline:GatheringWindow"] = "00:00:00",
            })).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(l => l.ClearProviders());
            services.AddSingleton<TimeProvider>(time);
            services.AddTssTenancy();
            services.AddTssPipeline(configuration);
            services.AddSingleton<ILotStarter, RecordingLotStarter>(); // lots are run step by step here (RunLotsAsync)
            services.AddSingleton<Tss.Pipeline.Queries.DocumentQueries>();
            var provider = services.BuildServiceProvider();
            var o = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
            await provider.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(Ct);
            await PipelineStorage.EnsureCreatedAsync(provider.GetRequiredService<StorageClients>(), o, Ct);

            var admin = provider.GetRequiredService<TenancyAdmin>();
            var tenant = await admin.CreateTenantAsync("Cliente Créditos", ct: Ct);
            await TestOnboarding.AddEntityAsync(admin, sim.Ca, tenant.TenantId, Cnpj, ct: Ct);
            var entity = await provider.GetRequiredService<TenantDirectory>().FindAsync(tenant.TenantId, Cnpj, Ct);
            return new CreditPipelineHarness(sim, provider, time, entity!, suffix);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>Submits <paramref name="count"/> new NF-e and returns their keys (all accepted and pending).</summary>
    public async Task<List<string>> IngestAsync(int count)
    {
        var items = Enumerable.Range(0, count)
            .Select(_ => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = Interlocked.Increment(ref _nNF) }, Time), null))
            .ToList();
        var results = await Get<IngestService>().SubmitAsync(Entity, items, sync: false, Ct);
        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        return [.. results.Select(r => r.chNFe!)];
    }

    public static string PartitionOf(string tenantId, string chNFe) => DocumentRecord.PartitionFor(tenantId, AccessKey.Parse(chNFe));

    public Task AssembleAsync(string partition) => Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);

    public async Task<List<LotRecord>> LotsAsync(string partition)
    {
        var lots = new List<LotRecord>();
        await foreach (var l in Documents.QueryAsync<LotRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(LotRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("lot}") < 0, cancellationToken: Ct))
        {
            lots.Add(l);
        }
        return lots;
    }

    /// <summary>Runs the first send of a lot (the send activity), keeping its step for <see cref="RunLotsAsync"/>.</summary>
    public async Task<LotStep> SendAsync(string partition, string lotId)
    {
        var step = await Get<LotSteps>().SendAsync(partition, lotId, null, Ct);
        _running[(partition, lotId)] = step;
        return step;
    }

    /// <summary>Sends every lot not sent yet and runs every lot's steps (jumping the clock over each wait) until all are closed.</summary>
    public async Task RunLotsAsync(string partition)
    {
        var steps = Get<LotSteps>();
        foreach (var lot in (await LotsAsync(partition)).Where(l => l.Phase == nameof(LotPhase.Created) && !_running.ContainsKey((partition, l.RowKey))))
        {
            await SendAsync(partition, lot.RowKey);
        }
        foreach (var ((p, lotId), first) in _running.Where(r => r.Key.Partition == partition && r.Value.Next != LotAction.Close).ToList())
        {
            var step = first;
            for (var i = 0; step.Next != LotAction.Close; i++)
            {
                Assert.True(i < 20, "lot did not close");
                step = await LotDriver.NextAsync(steps, d => Time.Advance(d), p, lotId, step, Ct);
            }
            await steps.DistributeAsync(p, step.State, Ct);
            _running[(p, lotId)] = step;
        }
        Assert.All(await LotsAsync(partition), l => Assert.Equal(nameof(LotPhase.Closed), l.Phase));
    }

    public async Task<DocumentRecord> DocumentAsync(string key) =>
        (await Documents.GetEntityAsync<DocumentRecord>(PartitionOf(TenantId, key), key, cancellationToken: Ct)).Value;

    /// <summary>Makes the simulator fail the next enviNFe with <paramref name="status"/>, before or after processing it.</summary>
    public async Task FailNextSendAsync(string phase, int status)
    {
        using var admin = new HttpClient { BaseAddress = Sim.AdminUri };
        using var body = new StringContent($$"""{"kind":"HttpError","phase":"{{phase}}","statusCode":{{status}},"count":1,"service":"enviNFe"}""", System.Text.Encoding.UTF8, "application/json");
        (await admin.PostAsync(new Uri("/admin/faults", UriKind.Relative), body, Ct)).EnsureSuccessStatusCode();
    }

    public async Task<Dictionary<string, string>> StatusesAsync(IEnumerable<string> keys)
    {
        var result = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            var d = await Documents.GetEntityAsync<DocumentRecord>(PartitionOf(TenantId, key), key, cancellationToken: Ct);
            result[key] = d.Value.Status;
        }
        return result;
    }

    /// <summary>Keys the simulator received in enviNFe requests (one entry per transmission).</summary>
    public async Task<List<string>> SentKeysAsync()
    {
        using var admin = new HttpClient { BaseAddress = Sim.AdminUri };
        var exchanges = await admin.GetFromJsonAsync<List<ExchangeView>>(new Uri("/admin/exchanges", UriKind.Relative), Ct);
        return [.. exchanges!.Where(e => e.PayloadRoot == "enviNFe" && e.HttpStatus == 200).SelectMany(e => e.chNFe)];
    }

    public async Task<List<CreditLedgerEntry>> DebitsAsync() =>
        [.. (await Ledger.ListAsync(TenantId, 1000, null, Ct)).Entries.Where(e => e.Kind == "debit")];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sim.DisposeAsync();
    }

    private sealed record ExchangeView(string? PayloadRoot, int HttpStatus, IReadOnlyList<string> chNFe);
}
