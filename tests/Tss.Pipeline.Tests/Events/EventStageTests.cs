using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.DevTools.Samples;
using Tss.Orchestrations.Events;
using Tss.Pipeline.Consultations;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Tests.Integration;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;
using Tss.Sefaz.Client.Status;
using Tss.Testing.Azurite;
using Tss.Testing.Durable;
using Tss.Testing.Lots;
using Tss.Testing.Sefaz;

namespace Tss.Pipeline.Tests.Events;

/// <summary>
/// The events stage and the table-backed status cache on real Azurite against the simulator over mutual TLS, on one
/// fake clock; the cutter is called directly with the message it would receive, its batches run on the in-memory
/// Durable engine with the product's activities.
/// </summary>
public sealed class EventStageTests : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private readonly AzuriteFixture _azurite = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SimulatorHarness _sim = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<Microsoft.Extensions.Hosting.IHostedService> _engine = [];
    private EntityInfo _entity = null!;
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _cert = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            _sim = await SimulatorHarness.StartAsync(_time, Ct);
            _cert = _sim.Ca.IssueECnpj(Cnpj, "EMITENTE EVENTOS LTDA");
            _entity = new EntityInfo("tenant1", Cnpj, "SP", 2, "test");
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            services.AddSingleton<TimeProvider>(_time);
            services.AddTssStorage(o => o.ConnectionString = _azurite.ConnectionString);
            Tss.Runtime.Queues.QueueServiceCollectionExtensions.AddTssQueues(services);
            var suffix = _azurite.UniqueName("e");
            services.Configure<PipelineOptions>(o =>
            {
                o.DocumentsTable = "docs" + suffix;
                o.ErpIdsTable = "erp" + suffix;
                o.AssembleQueue = "asm-" + suffix;
                o.DistributeQueue = "dist-" + suffix;
                o.ProcContainer = "proc-" + suffix;
                o.SignedContainer = "signed-" + suffix;
            });
            services.Configure<EventsOptions>(o => { o.Queue = "evt-" + suffix; o.StatusTable = "status" + suffix; });
            services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
            services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
            services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
            var sefaz = Options.Create(new SefazClientOptions { BaseUrlOverride = _sim.SoapUri, TrustAnchorPath = _sim.AnchorPath });
            services.AddSingleton(new SefazEndpoints(sefaz));
            services.AddSingleton(sp => new SefazClient(sp.GetRequiredService<SefazEndpoints>(), sefaz));
            services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(_entity, _cert));
            services.AddSingleton<PipelineQueues>().AddSingleton<IngestService>().AddSingleton<LotAssembler>()
                .AddSingleton<LotSender>().AddSingleton<OutcomeWriter>().AddSingleton<LotSteps>().AddSingleton<ILotStarter, RecordingLotStarter>()
                .AddSingleton<EventsQueue>().AddSingleton<EventRequestService>().AddSingleton<EventBatchCutter>().AddSingleton<EventBatchSteps>().AddSingleton<EventQueries>();
            services.AddTssEventOrchestration(); // batches run on the in-memory Durable engine with the product's activities
            services.AddInMemoryDurableEngine();
            _services = services.BuildServiceProvider();
            var o = Get<IOptions<PipelineOptions>>().Value;
            var storage = Get<StorageClients>();
            await storage.GetTable(o.DocumentsTable).CreateIfNotExistsAsync(Ct);
            await storage.GetTable(o.ErpIdsTable).CreateIfNotExistsAsync(Ct);
            await storage.GetContainer(o.ProcContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
            await storage.GetContainer(o.SignedContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
            await storage.GetQueue(o.DistributeQueue).CreateIfNotExistsAsync(cancellationToken: Ct);
            await storage.GetQueue(Get<IOptions<EventsOptions>>().Value.Queue).CreateIfNotExistsAsync(cancellationToken: Ct);
            _engine = await InMemoryDurableEngine.StartEngineAsync(_services, Ct);
        }
        catch
        {
            await _azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await InMemoryDurableEngine.StopEngineAsync(_engine);
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
        await _azurite.DisposeAsync();
        _cert.Dispose();
    }

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private TableClient Documents => Get<StorageClients>().GetTable(Get<IOptions<PipelineOptions>>().Value.DocumentsTable);

    private async Task<string> AuthorizedAsync(int nNF)
    {
        var item = new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = nNF }, _time), null);
        var chNFe = (await Get<IngestService>().SubmitAsync(_entity, [item], sync: false, Ct))[0].chNFe!;
        var partition = DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(chNFe));
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        LotRecord? lot = null;
        await foreach (var l in Documents.QueryAsync<LotRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(LotRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("lot}") < 0, cancellationToken: Ct))
        {
            lot = l;
        }
        // A single NF-e normally goes synchronously (NT 2025.001); an asynchronous lot has its receipt polled.
        await LotDriver.RunAsync(Get<LotSteps>(), d => _time.Advance(d), partition, lot!.RowKey, Ct);
        var doc = (await Documents.GetEntityAsync<DocumentRecord>(partition, chNFe, cancellationToken: Ct)).Value;
        Assert.Equal(nameof(DocumentStatus.Authorized), doc.Status);
        _time.Advance(TimeSpan.FromSeconds(5));
        return chNFe;
    }

    private async Task<int> ExchangesAsync(string root)
    {
        using var admin = new HttpClient { BaseAddress = _sim.AdminUri };
        var log = await admin.GetStringAsync(new Uri("/admin/exchanges", UriKind.Relative), Ct);
        return Regex.Count(log, $"\"{root}\"");
    }

    private async Task FaultAsync(string json)
    {
        using var admin = new HttpClient { BaseAddress = _sim.AdminUri };
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        (await admin.PostAsync(new Uri("/admin/faults", UriKind.Relative), body, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>What the events listener does with a message (cut the due events into batches), then every batch of the partition run to its end.</summary>
    private async Task RunEventsAsync(string partition)
    {
        await Get<EventBatchCutter>().HandleAsync(new EventMessage(partition), Ct);
        var batches = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in Documents.QueryAsync<EventRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(EventRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("evt}") < 0, cancellationToken: Ct))
        {
            if (e.BatchId is not null)
            {
                batches.Add(e.BatchId);
            }
        }
        foreach (var batch in batches)
        {
            var done = await Get<DurableTaskClient>().WaitForCompletionAsync(DurableEventBatchStarter.InstanceIdFor(partition, batch), TimeSpan.FromSeconds(90));
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        }
    }

    private async Task<EventRecord> EventAsync(string chNFe, string tpEvento, int nSeq) =>
        (await Documents.GetEntityAsync<EventRecord>(DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(chNFe)), EventRecord.RowFor(AccessKey.Parse(chNFe), tpEvento, nSeq), cancellationToken: Ct)).Value;

    [Fact]
    public async Task Lost_send_answer_is_reconciled_by_consultation_and_the_event_is_sent_once()
    {
        var chNFe = await AuthorizedAsync(301);
        var partition = DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(chNFe));
        await Get<EventRequestService>().CancelAsync(_entity, chNFe, "Cancelamento com resposta perdida", Ct);
        await FaultAsync("""{"kind":"HttpError","phase":"After","statusCode":502,"count":1,"service":"envEvento"}""");

        await RunEventsAsync(partition);

        var e = await EventAsync(chNFe, "110111", 1);
        Assert.Equal(nameof(EventStatus.Registered), e.Status);
        Assert.Equal(135, e.cStat);
        Assert.Equal(1, await ExchangesAsync("envEvento"));
        var doc = (await Documents.GetEntityAsync<DocumentRecord>(partition, chNFe, cancellationToken: Ct)).Value;
        Assert.Equal(nameof(DocumentStatus.Cancelled), doc.Status);
        Assert.Equal(1, doc.EventCount);
        var proc = await Get<EventQueries>().GetProcEventoAsync(e, Ct);
        Assert.True(Tss.Protocol.Schemas.NfeSchemas.Shared.Validate(proc!).IsValid);
    }

    [Fact]
    public async Task Resend_answered_573_is_mapped_to_the_registered_event()
    {
        var chNFe = await AuthorizedAsync(302);
        var partition = DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(chNFe));
        await Get<EventRequestService>().CorrectAsync(_entity, chNFe, "Corrige o volume transportado para 3", Ct);
        await RunEventsAsync(partition);
        var registered = await EventAsync(chNFe, "110110", 1);
        Assert.Equal(nameof(EventStatus.Registered), registered.Status);

        // As if the answer had never been recorded: the event is pending again (out of any batch) and is sent a second time.
        registered.Status = nameof(EventStatus.Pending);
        registered.BatchId = null;
        registered.cStat = null;
        registered.nProt = null;
        await Documents.UpdateEntityAsync(registered, registered.ETag, TableUpdateMode.Replace, Ct);
        await RunEventsAsync(partition);

        var again = await EventAsync(chNFe, "110110", 1);
        Assert.Equal(2, await ExchangesAsync("envEvento"));
        Assert.Equal(nameof(EventStatus.Registered), again.Status);
        Assert.Equal(135, again.cStat);
        var events = await Get<EventQueries>().ListAsync((await Documents.GetEntityAsync<DocumentRecord>(partition, chNFe, cancellationToken: Ct)).Value, Ct);
        Assert.Single(events);
    }

    [Fact]
    public async Task Two_instances_sharing_the_status_table_ask_sefaz_once_per_three_minutes()
    {
        var options = Options.Create(new StatusServiceCacheOptions { PollInterval = TimeSpan.FromMilliseconds(10) });
        var client = Get<SefazClient>();
        var endpoints = Get<SefazEndpoints>();
        // Two stores (as two hosts would have) over one table.
        StatusServiceCache Instance() => new(new TableStatusCacheStore(Get<StorageClients>().Tables, Get<IOptions<EventsOptions>>()), options, _time, client, endpoints);
        var instances = new[] { Instance(), Instance() };
        SefazTarget[] targets = [new("SP", 55, 2), new("RJ", 55, 2)];

        async Task<StatusReading[]> Burst()
        {
            var burst = Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => instances[i % 2].GetAsync(targets[i % 2], _cert, Ct), Ct)));
            while (!burst.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(10));
                await Task.Delay(5, Ct);
            }
            return await burst;
        }

        var first = await Burst();
        _time.Advance(TimeSpan.FromMinutes(2));
        var second = await Burst();
        _time.Advance(TimeSpan.FromMinutes(1));
        await Burst();

        Assert.Equal(4, await ExchangesAsync("consStatServ")); // SP and SVRS (for RJ), twice each
        Assert.All(first.Concat(second), r => Assert.Equal(107, r.Answer!.cStat));
        Assert.All(second, r => Assert.False(r.Asked));
    }
}
