using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.DevTools.Samples;
using Tss.Orchestrations.Events;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;
using Tss.Testing.Azurite;
using Tss.Testing.Durable;
using Tss.Testing.Lots;
using Tss.Testing.Sefaz;

namespace Tss.Orchestrations.Tests.Events;

/// <summary>
/// Event batches on real Azurite against the simulator over mutual TLS, run by the in-memory Durable engine with the
/// product's activities (real durable timers, waits shortened by configuration). The events queue is not listened to:
/// a test calls the cutter as the listener would, and reads the queue to see what the batch asked for.
/// </summary>
internal sealed class EventBatchHarness : IAsyncDisposable
{
    public const string Cnpj = "11222333000181";

    /// <summary>Retry wait (108/109/999) of these tests: long enough to measure, short enough to run.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(700);

    private readonly IReadOnlyList<IHostedService> _engine;

    private EventBatchHarness(SimulatorHarness sim, X509Certificate2 cert, ServiceProvider services, IReadOnlyList<IHostedService> engine, FakeTimeProvider time)
    {
        Simulator = sim;
        Certificate = cert;
        Services = services;
        _engine = engine;
        Time = time;
    }

    public static EntityInfo Entity { get; } = new("tenant1", Cnpj, "SP", 2, "test");

    public SimulatorHarness Simulator { get; }

    public X509Certificate2 Certificate { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PipelineOptions Pipeline => Get<IOptions<PipelineOptions>>().Value;

    public TableClient Documents => Get<StorageClients>().GetTable(Pipeline.DocumentsTable);

    public static async Task<EventBatchHarness> StartAsync(AzuriteFixture azurite)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sim = await SimulatorHarness.StartAsync(time, Ct);
        var cert = sim.Ca.IssueECnpj(Cnpj, "EMITENTE EVENTOS LTDA");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(time);
        services.AddTssStorage(o => o.ConnectionString = azurite.ConnectionString);
        Tss.Runtime.Queues.QueueServiceCollectionExtensions.AddTssQueues(services);
        var suffix = azurite.UniqueName("b");
        services.Configure<PipelineOptions>(o =>
        {
            o.DocumentsTable = "docs" + suffix;
            o.ErpIdsTable = "erp" + suffix;
            o.AssembleQueue = "asm-" + suffix;
            o.DistributeQueue = "dist-" + suffix;
            o.ProcContainer = "proc-" + suffix;
            o.SignedContainer = "signed-" + suffix;
        });
        services.Configure<EventsOptions>(o =>
        {
            o.Queue = "evt-" + suffix;
            o.StatusTable = "status" + suffix;
            o.RetryDelay = RetryDelay;
            o.ConsumptionBlock = RetryDelay * 2;
        });
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        var sefaz = Options.Create(new SefazClientOptions { BaseUrlOverride = sim.SoapUri, TrustAnchorPath = sim.AnchorPath });
        services.AddSingleton(new SefazEndpoints(sefaz));
        services.AddSingleton(sp => new SefazClient(sp.GetRequiredService<SefazEndpoints>(), sefaz));
        services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(Entity, cert));
        services.AddSingleton<PipelineQueues>().AddSingleton<IngestService>().AddSingleton<LotAssembler>()
            .AddSingleton<LotSender>().AddSingleton<OutcomeWriter>().AddSingleton<LotSteps>().AddSingleton<ILotStarter, RecordingLotStarter>()
            .AddSingleton<EventsQueue>().AddSingleton<EventRequestService>().AddSingleton<EventBatchCutter>().AddSingleton<EventBatchSteps>().AddSingleton<EventQueries>();
        services.AddTssEventOrchestration();
        services.AddInMemoryDurableEngine();
        var provider = services.BuildServiceProvider();
        var o = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var storage = provider.GetRequiredService<StorageClients>();
        await storage.GetTable(o.DocumentsTable).CreateIfNotExistsAsync(Ct);
        await storage.GetTable(o.ErpIdsTable).CreateIfNotExistsAsync(Ct);
        await storage.GetContainer(o.ProcContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
        await storage.GetContainer(o.SignedContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
        await storage.GetQueue(o.DistributeQueue).CreateIfNotExistsAsync(cancellationToken: Ct);
        await storage.GetQueue(provider.GetRequiredService<IOptions<EventsOptions>>().Value.Queue).CreateIfNotExistsAsync(cancellationToken: Ct);
        var engine = await InMemoryDurableEngine.StartEngineAsync(provider, Ct);
        return new EventBatchHarness(sim, cert, provider, engine, time);
    }

    public async ValueTask DisposeAsync()
    {
        await InMemoryDurableEngine.StopEngineAsync(_engine);
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
        Certificate.Dispose();
    }

    /// <summary>Authorizes <paramref name="count"/> NF-e (one lot) in one partition and returns their keys.</summary>
    public async Task<IReadOnlyList<string>> AuthorizedAsync(int firstNNF, int count = 1)
    {
        var items = Enumerable.Range(firstNNF, count).Select(n => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = n }, Time), null)).ToList();
        var keys = (await Get<IngestService>().SubmitAsync(Entity, items, sync: false, Ct)).Select(r => r.chNFe!).ToList();
        var partition = PartitionOf(keys[0]);
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        var lots = new List<string>();
        await foreach (var l in Documents.QueryAsync<LotRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(LotRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("lot}") < 0, cancellationToken: Ct))
        {
            lots.Add(l.RowKey);
        }
        foreach (var lot in lots)
        {
            await LotDriver.RunAsync(Get<LotSteps>(), d => Time.Advance(d), partition, lot, Ct);
        }
        foreach (var key in keys)
        {
            Assert.Equal(nameof(DocumentStatus.Authorized), (await Documents.GetEntityAsync<DocumentRecord>(partition, key, cancellationToken: Ct)).Value.Status);
        }
        Time.Advance(TimeSpan.FromSeconds(5));
        return keys;
    }

    public static string PartitionOf(string chNFe) => DocumentRecord.PartitionFor(Entity.TenantId, AccessKey.Parse(chNFe));

    /// <summary>What the events listener does with one message: cut the partition's due events into batches.</summary>
    public Task CutAsync(string partition) => Get<EventBatchCutter>().HandleAsync(new EventMessage(partition), Ct);

    /// <summary>The batches of the partition's events, in order of their first event's creation.</summary>
    public async Task<IReadOnlyList<string>> BatchesAsync(string partition)
    {
        var events = await EventsAsync(partition);
        return [.. events.Where(e => e.BatchId is not null).OrderBy(e => e.CreatedAt).Select(e => e.BatchId!).Distinct()];
    }

    public async Task<List<EventRecord>> EventsAsync(string partition)
    {
        var list = new List<EventRecord>();
        await foreach (var e in Documents.QueryAsync<EventRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(EventRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("evt}") < 0, cancellationToken: Ct))
        {
            list.Add(e);
        }
        return list;
    }

    public async Task<EventRecord> EventAsync(string chNFe, string tpEvento, int nSeq) =>
        (await Documents.GetEntityAsync<EventRecord>(PartitionOf(chNFe), EventRecord.RowFor(AccessKey.Parse(chNFe), tpEvento, nSeq), cancellationToken: Ct)).Value;

    /// <summary>Waits for batch <paramref name="batchId"/>'s orchestration to complete and returns its result.</summary>
    public async Task<EventBatchResult> CompletedAsync(string partition, string batchId)
    {
        var done = await Get<DurableTaskClient>().WaitForCompletionAsync(DurableEventBatchStarter.InstanceIdFor(partition, batchId), TimeSpan.FromSeconds(90));
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        return done.ReadOutputAs<EventBatchResult>()!;
    }

    /// <summary>Messages waiting on the events queue (taken off it).</summary>
    public async Task<int> TakeEventMessagesAsync()
    {
        var queue = Get<StorageClients>().GetQueue(Get<IOptions<EventsOptions>>().Value.Queue);
        var messages = await queue.ReceiveMessagesAsync(32, cancellationToken: Ct);
        foreach (var m in messages.Value)
        {
            await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, Ct);
        }
        return messages.Value.Length;
    }

    public async Task<int> ExchangesAsync(string root)
    {
        using var admin = new HttpClient { BaseAddress = Simulator.AdminUri };
        var log = await admin.GetStringAsync(new Uri("/admin/exchanges", UriKind.Relative), Ct);
        return Regex.Count(log, $"\"{root}\"");
    }

    public async Task FaultAsync(string json)
    {
        using var admin = new HttpClient { BaseAddress = Simulator.AdminUri };
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        (await admin.PostAsync(new Uri("/admin/faults", UriKind.Relative), body, Ct)).EnsureSuccessStatusCode();
    }
}
