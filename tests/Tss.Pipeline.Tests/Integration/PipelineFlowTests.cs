using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Schemas;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;
using Tss.Sefaz.Simulator;
using Tss.Testing.Azurite;
using Tss.Testing.Lots;
using Tss.Testing.Sefaz;

namespace Tss.Pipeline.Tests.Integration;

/// <summary>
/// The pipeline's stages on real Azurite against the real simulator over mutual TLS, on one fake clock. Handlers are
/// called directly with the messages the stages send (the queue listeners themselves are tested in Tss.Runtime).
/// </summary>
public sealed class PipelineFlowTests : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private readonly AzuriteFixture _azurite = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SimulatorHarness _sim = null!;
    private ServiceProvider _services = null!;
    private EntityInfo _entity = null!;
    private readonly RecordingLotStarter _starter = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            await StartAsync();
        }
        catch
        {
            await _azurite.DisposeAsync(); // xUnit does not dispose a class whose initialization failed
            throw;
        }
    }

    private async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync(_time, Ct);

        var cert = _sim.Ca.IssueECnpj(Cnpj, "EMITENTE PIPELINE LTDA");
        _entity = new EntityInfo("tenant1", Cnpj, "SP", 2, "test");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(_time);
        services.AddTssStorage(o => o.ConnectionString = _azurite.ConnectionString);
        Tss.Runtime.Queues.QueueServiceCollectionExtensions.AddTssQueues(services);
        var suffix = _azurite.UniqueName("p");
        services.Configure<PipelineOptions>(o =>
        {
            o.DocumentsTable = "docs" + suffix;
            o.ErpIdsTable = "erp" + suffix;
            o.AssembleQueue = "asm-" + suffix;
            o.DistributeQueue = "dist-" + suffix;
            o.ProcContainer = "proc-" + suffix;
            o.SignedContainer = "signed-" + suffix;
        });
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        var sefaz = Options.Create(new SefazClientOptions { BaseUrlOverride = _sim.SoapUri, TrustAnchorPath = _sim.AnchorPath });
        services.AddSingleton(new SefazClient(new SefazEndpoints(sefaz), sefaz));
        services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(_entity, cert));
        services.AddSingleton<PipelineQueues>().AddSingleton<IngestService>().AddSingleton<LotAssembler>()
            .AddSingleton<LotSender>().AddSingleton<OutcomeWriter>().AddSingleton<LotSteps>()
            .AddSingleton<ILotStarter>(_starter);
        _services = services.BuildServiceProvider();

        var o = _services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var storage = _services.GetRequiredService<StorageClients>();
        await storage.GetTable(o.DocumentsTable).CreateIfNotExistsAsync(Ct);
        await storage.GetTable(o.ErpIdsTable).CreateIfNotExistsAsync(Ct);
        foreach (var q in new[] { o.AssembleQueue, o.DistributeQueue })
        {
            await storage.GetQueue(q).CreateIfNotExistsAsync(cancellationToken: Ct);
        }
        await storage.GetContainer(o.ProcContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
        await storage.GetContainer(o.SignedContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private TableClient Documents => Get<StorageClients>().GetTable(Get<IOptions<PipelineOptions>>().Value.DocumentsTable);

    private async Task<string> IngestAsync(params int[] numbers)
    {
        var items = numbers.Select(n => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = n }, _time), $"erp-{n}")).ToList();
        var results = await Get<IngestService>().SubmitAsync(_entity, items, sync: false, Ct);
        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        Assert.All(results, r => Assert.Equal(nameof(DocumentStatus.Pending), r.Status));
        return DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(results[0].chNFe!));
    }

    private async Task<LotRecord> OnlyLotAsync(string partition)
    {
        var lots = new List<LotRecord>();
        await foreach (var l in Documents.QueryAsync<LotRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(LotRecord.RowPrefix) >= 0 && x.RowKey.CompareTo("lot}") < 0, cancellationToken: Ct))
        {
            lots.Add(l);
        }
        return Assert.Single(lots);
    }

    private async Task<List<DocumentRecord>> DocumentsAsync(string partition)
    {
        var docs = new List<DocumentRecord>();
        await foreach (var d in Documents.QueryAsync<DocumentRecord>(x => x.PartitionKey == partition && x.RowKey.CompareTo(LotRecord.RowPrefix) < 0, cancellationToken: Ct))
        {
            docs.Add(d);
        }
        return docs;
    }

    [Fact]
    public async Task Documents_go_from_ingest_to_authorized_with_a_schema_valid_procNFe()
    {
        var partition = await IngestAsync(101, 102, 103);
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        var lot = await OnlyLotAsync(partition);
        Assert.Equal(3, lot.ToState().Keys.Count);

        Assert.Equal((partition, lot.RowKey), Assert.Single(_starter.Started));
        var steps = Get<LotSteps>();
        var sent = await steps.SendAsync(partition, lot.RowKey, null, Ct);
        lot = await OnlyLotAsync(partition);
        Assert.Equal(nameof(LotPhase.AwaitingReceipt), lot.Phase);
        Assert.Equal(LotAction.Poll, sent.Next);
        Assert.True(sent.Delay >= TimeSpan.FromSeconds(15), "the first receipt query waits at least 15 s");

        var polled = await LotDriver.NextAsync(steps, d => _time.Advance(d), partition, lot.RowKey, sent, Ct);
        Assert.Equal(LotAction.Close, polled.Next);
        await steps.DistributeAsync(partition, polled.State, Ct);

        Assert.Equal(nameof(LotPhase.Closed), (await OnlyLotAsync(partition)).Phase);
        var docs = await DocumentsAsync(partition);
        Assert.Equal(3, docs.Count);
        var container = Get<StorageClients>().GetContainer(Get<IOptions<PipelineOptions>>().Value.ProcContainer);
        foreach (var d in docs)
        {
            Assert.Equal(nameof(DocumentStatus.Authorized), d.Status);
            Assert.Equal(100, d.cStat);
            Assert.Matches("^[0-9]{15}$", d.nProt);
            var proc = (await container.GetBlobClient(d.ProcBlob).DownloadContentAsync(Ct)).Value.Content.ToString();
            var check = NfeSchemas.Shared.Validate(proc);
            Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => e.Message)));
        }
    }

    [Fact]
    public async Task Lost_send_answer_is_reconciled_by_key_and_the_lot_is_never_sent_twice()
    {
        var partition = await IngestAsync(201, 202);
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        var lot = await OnlyLotAsync(partition);
        using (var admin = new HttpClient { BaseAddress = _sim.AdminUri })
        {
            using var body = new StringContent("""{"kind":"HttpError","phase":"After","statusCode":502,"count":1,"service":"enviNFe"}""", System.Text.Encoding.UTF8, "application/json");
            (await admin.PostAsync(new Uri("/admin/faults", UriKind.Relative), body, Ct)).EnsureSuccessStatusCode();
        }

        var steps = Get<LotSteps>();
        var unknown = await steps.SendAsync(partition, lot.RowKey, null, Ct);
        Assert.Equal(nameof(LotPhase.Reconciling), (await OnlyLotAsync(partition)).Phase);
        Assert.Equal(LotAction.Consult, unknown.Next);
        // The send activity run again (at least once) finds its attempt recorded without an answer: it must not send.
        var again = await steps.SendAsync(partition, lot.RowKey, null, Ct);
        Assert.Equal(LotAction.Consult, again.Next);

        await LotDriver.NextAsync(steps, d => _time.Advance(d), partition, lot.RowKey, again, Ct);
        var docs = await DocumentsAsync(partition);
        Assert.All(docs, d => Assert.Equal(nameof(DocumentStatus.Authorized), d.Status));

        using var log = new HttpClient { BaseAddress = _sim.AdminUri };
        var exchanges = await log.GetStringAsync(new Uri("/admin/exchanges", UriKind.Relative), Ct);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(exchanges, "\"enviNFe\""));
        Assert.Equal(1, (await OnlyLotAsync(partition)).SendAttempts);
    }
    /// <summary>
    /// A stuck lot (LotOrchestrator stopped restarting) shows on its row and open documents, keeps their InLot status
    /// and its write-ahead; the operator's retry clears the marks and the lot, going on from its row, reconciles the
    /// send whose answer was lost by key instead of sending again.
    /// </summary>
    [Fact]
    public async Task Stuck_lot_marks_its_documents_and_after_the_retry_reconciles_by_key_without_a_second_send()
    {
        var partition = await IngestAsync(401, 402);
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        var lot = await OnlyLotAsync(partition);
        using (var admin = new HttpClient { BaseAddress = _sim.AdminUri })
        {
            using var body = new StringContent("""{"kind":"HttpError","phase":"After","statusCode":502,"count":1,"service":"enviNFe"}""", System.Text.Encoding.UTF8, "application/json");
            (await admin.PostAsync(new Uri("/admin/faults", UriKind.Relative), body, Ct)).EnsureSuccessStatusCode();
        }
        var steps = Get<LotSteps>();
        await steps.SendAsync(partition, lot.RowKey, null, Ct); // SEFAZ processed the lot; its answer was lost

        await steps.MarkAttentionAsync(partition, lot.RowKey, "InvalidOperationException: boom", stuck: true, Ct);
        lot = await OnlyLotAsync(partition);
        Assert.True(lot.Stuck);
        Assert.Equal("InvalidOperationException: boom", lot.LastFault);
        Assert.Equal(1, lot.SendAttempts);
        Assert.All(await DocumentsAsync(partition), d =>
        {
            Assert.Equal(nameof(DocumentStatus.InLot), d.Status);
            Assert.Contains("boom", d.Attention, StringComparison.Ordinal);
            Assert.Contains("boom", Tss.Pipeline.Queries.DocumentQueries.Summarize(d).Attention, StringComparison.Ordinal);
        });

        await steps.MarkAttentionAsync(partition, lot.RowKey, error: null, stuck: false, Ct);
        Assert.False((await OnlyLotAsync(partition)).Stuck);
        Assert.All(await DocumentsAsync(partition), d => Assert.Null(Tss.Pipeline.Queries.DocumentQueries.Summarize(d).Attention));
        var resumed = await steps.SendAsync(partition, lot.RowKey, null, Ct);
        Assert.Equal(LotAction.Consult, resumed.Next);
        await LotDriver.NextAsync(steps, d => _time.Advance(d), partition, lot.RowKey, resumed, Ct);

        Assert.All(await DocumentsAsync(partition), d => Assert.Equal(nameof(DocumentStatus.Authorized), d.Status));
        Assert.Equal(1, await ExchangesAsync("enviNFe"));
    }

    /// <summary>
    /// Regression: on Azure Storage a durable timer can fire up to 1 s early (queue visibility delays are whole
    /// seconds), and a bench at a 1 s receipt wait saw receipt queries begin 60 ms after the send answer.
    /// </summary>
    [Fact]
    public async Task Receipt_query_called_before_the_mandated_wait_does_not_reach_SEFAZ_early()
    {
        var partition = await IngestAsync(301, 302);
        await Get<LotAssembler>().HandleAsync(new AssembleMessage(partition), Ct);
        var lot = await OnlyLotAsync(partition);
        var steps = Get<LotSteps>();
        var sent = await steps.SendAsync(partition, lot.RowKey, null, Ct);
        Assert.Equal(LotAction.Poll, sent.Next);

        // The timer "fired" at once: the step hands the whole wait back instead of querying the receipt.
        var early = await steps.PollAsync(partition, lot.RowKey, sent.State, Ct);
        Assert.Equal(LotAction.Poll, early.Next);
        Assert.Equal(sent.Delay, early.Delay);
        Assert.Equal(0, await ExchangesAsync("consReciNFe"));

        // Fired 400 ms early: the step sleeps the remainder out itself, then queries.
        _time.Advance(sent.Delay - TimeSpan.FromMilliseconds(400));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var polled = await steps.PollAsync(partition, lot.RowKey, sent.State, Ct);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"held {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(LotAction.Close, polled.Next);
        Assert.Equal(1, await ExchangesAsync("consReciNFe"));
    }

    private async Task<int> ExchangesAsync(string service)
    {
        using var log = new HttpClient { BaseAddress = _sim.AdminUri };
        var exchanges = await log.GetStringAsync(new Uri("/admin/exchanges", UriKind.Relative), Ct);
        return System.Text.RegularExpressions.Regex.Count(exchanges, $"\"{service}\"");
    }
}
