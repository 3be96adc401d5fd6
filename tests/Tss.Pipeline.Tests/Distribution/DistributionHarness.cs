using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Messages;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Durable;
using Tss.Testing.Hosting;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// The distribution stage as <c>AddTssPipeline</c> registers it, on real Azurite (tables, containers and queues
/// unique to the harness), with documents seeded in their final state as the outcome writer leaves them. Retries run
/// in the delivery orchestration on the in-memory Durable engine (its hosted services only; no queue listener runs).
/// </summary>
internal sealed class DistributionHarness : IAsyncDisposable
{
    public const string TenantId = "tenant1";
    public const string Cnpj = "11222333000181";
    private static int _nextNumber;

    private IReadOnlyList<Microsoft.Extensions.Hosting.IHostedService> _engine = [];

    private DistributionHarness(ServiceProvider services, FixedDistributionTargets targets, TimeProvider time)
    {
        Services = services;
        Targets = targets;
        Time = time;
    }

    public ServiceProvider Services { get; }
    public FixedDistributionTargets Targets { get; }
    public TimeProvider Time { get; }
    public PipelineOptions Pipeline => Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
    public DistributionOptions Options => Services.GetRequiredService<IOptions<DistributionOptions>>().Value;
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();
    public StorageTransactionCounter Counter => Storage.Counter;
    public DeliveryLog Log => Services.GetRequiredService<DeliveryLog>();
    internal Distributor Distributor => Services.GetRequiredService<Distributor>();

    /// <summary>Configuration shared by the in-process harness and the hosted-listener test.</summary>
    public static Dictionary<string, string?> Configuration(AzuriteFixture azurite, int? smtpPort)
    {
        var suffix = azurite.UniqueName("d");
        var settings = TestSettings.IsolatedStorage(azurite.ConnectionString, suffix).With(new Dictionary<string, string?>
        {
            ["Distribution:AllowLoopback"] = "true",
            ["Distribution:PublicBaseUrl"] = "https://tss.example.com/",
            ["Distribution:WebhookTimeout"] = "00:00:02",
        });
        if (smtpPort is { } port)
        {
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:Security"] = "None";
            settings["Smtp:From"] = "nfe@tss.example.com";
        }
        return settings;
    }

    public static async Task<DistributionHarness> StartAsync(AzuriteFixture azurite, TimeProvider time, int? smtpPort = null, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Configuration(azurite, smtpPort);
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var targets = new FixedDistributionTargets();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time);
        services.AddSingleton<IDistributionTargets>(targets);
        services.AddSingleton<IEntityDirectory, NoEntities>();
        services.AddTssPipeline(configuration);
        services.AddTssDeliveryOrchestration();
        services.AddInMemoryDurableEngine();
        var harness = new DistributionHarness(services.BuildServiceProvider(), targets, time);
        await harness.CreateStorageAsync();
        harness._engine = await InMemoryDurableEngine.StartEngineAsync(harness.Services, TestContext.Current.CancellationToken);
        return harness;
    }

    public static async Task CreateStorageAsync(StorageClients storage, PipelineOptions pipeline, DistributionOptions distribution)
    {
        await storage.GetTable(pipeline.DocumentsTable).CreateIfNotExistsAsync();
        await storage.GetTable(distribution.DeliveriesTable).CreateIfNotExistsAsync();
        await storage.GetContainer(pipeline.ProcContainer).CreateIfNotExistsAsync();
        await storage.GetQueue(pipeline.DistributeQueue).CreateIfNotExistsAsync();
    }

    private Task CreateStorageAsync() => CreateStorageAsync(Storage, Pipeline, Options);

    public Task HandleAsync(DistributeMessage message) => Distributor.HandleAsync(message, TestContext.Current.CancellationToken);

    /// <summary>Documents in the given final (or not) states, with a procNFe blob for authorized and denied ones.</summary>
    public static async Task<(DistributeMessage Message, List<DocumentRecord> Documents)> SeedAsync(
        StorageClients storage, PipelineOptions pipeline, TimeProvider time, params DocumentStatus[] statuses)
    {
        var docs = new List<DocumentRecord>();
        var now = time.GetUtcNow();
        foreach (var status in statuses)
        {
            var n = Interlocked.Increment(ref _nextNumber) + 1000;
            var chNFe = AccessKey.Build(new AccessKeyParts(35, 26, 11, Cnpj, 55, 1, n, 1, 12345678)).Value;
            var doc = new DocumentRecord
            {
                PartitionKey = DocumentRecord.PartitionFor(TenantId, AccessKey.Parse(chNFe)),
                RowKey = chNFe,
                TenantId = TenantId,
                Cnpj = Cnpj,
                ErpId = $"erp-{n}",
                mod = 55,
                tpAmb = 2,
                Uf = "SP",
                Status = status.ToString(),
                SignedXml = "<NFe/>",
                DigestValue = "x",
                ReceivedAt = now,
                UpdatedAt = now,
            };
            switch (status)
            {
                case DocumentStatus.Authorized or DocumentStatus.Denied:
                    doc.cStat = status == DocumentStatus.Authorized ? 100 : 302;
                    doc.xMotivo = status == DocumentStatus.Authorized ? "Autorizado o uso da NF-e" : "Uso Denegado: Irregularidade fiscal do destinatário";
                    doc.nProt = "1352600000" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                    doc.dhRecbto = now;
                    doc.ProcBlob = ProcNFe.BlobName(doc.PartitionKey, AccessKey.Parse(chNFe));
                    // Not ASCII, CRLF and a BOM-free UTF-8 body: the attachment must come back byte for byte.
                    var proc = Encoding.UTF8.GetBytes($"<nfeProc xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><NFe><infNFe Id=\"NFe{chNFe}\"><xMun>São Paulo</xMun>\r\n<xNome>AÇÚCAR & CIA</xNome></infNFe></NFe><protNFe><infProt><chNFe>{chNFe}</chNFe><cStat>{doc.cStat}</cStat></infProt></protNFe></nfeProc>");
                    await storage.GetContainer(pipeline.ProcContainer).GetBlobClient(doc.ProcBlob).UploadAsync(BinaryData.FromBytes(proc), overwrite: true);
                    break;
                case DocumentStatus.Rejected:
                    doc.cStat = 225;
                    doc.xMotivo = "Rejeição: Falha no Schema XML da NF-e";
                    break;
            }
            docs.Add(doc);
        }
        var table = storage.GetTable(pipeline.DocumentsTable);
        foreach (var chunk in docs.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, d)));
        }
        return (new DistributeMessage(docs[0].PartitionKey, [.. docs.Select(d => d.RowKey)]), docs);
    }

    public Task<(DistributeMessage Message, List<DocumentRecord> Documents)> SeedAsync(params DocumentStatus[] statuses) =>
        SeedAsync(Storage, Pipeline, Time, statuses);

    public async Task<byte[]> ProcBytesAsync(DocumentRecord doc) =>
        (await Storage.GetContainer(Pipeline.ProcContainer).GetBlobClient(doc.ProcBlob).DownloadContentAsync()).Value.Content.ToArray();

    /// <summary>Messages in the distribute queue, invisible (scheduled) ones included (retries are no longer messages).</summary>
    public async Task<int> QueuedAsync() =>
        (await Storage.GetQueue(Pipeline.DistributeQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async Task<List<TableEntity>> LogRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var r in Storage.GetTable(Options.DeliveriesTable).QueryAsync<TableEntity>())
        {
            rows.Add(r);
        }
        return rows;
    }

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The retries' orchestration of a delivery-log entry, or null when none was started.</summary>
    public Task<OrchestrationMetadata?> RetriesAsync(DeliveryEntry entry) =>
        Durable.GetInstanceAsync(Deliveries.InstanceId(new DeliveryRequest(DeliveryType.NfeOutcome, entry.Partition, entry.DeliveryId, entry.Channel, [])), getInputsAndOutputs: true, TestContext.Current.CancellationToken);

    /// <summary>Waits until the delivery-log entry of <paramref name="chNFe"/> on <paramref name="channel"/> leaves Retrying.</summary>
    public async Task<DeliveryEntry> WaitFinishedAsync(string chNFe, DeliveryChannel channel = DeliveryChannel.Webhook, int seconds = 30)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            var entry = (await Log.ForDocumentAsync(TenantId, chNFe, TestContext.Current.CancellationToken)).SingleOrDefault(e => e.Channel == channel);
            if (entry is { State: not DeliveryState.Retrying } || DateTime.UtcNow > deadline)
            {
                return entry ?? throw new InvalidOperationException($"No {channel} delivery of {chNFe}.");
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await InMemoryDurableEngine.StopEngineAsync(_engine);
        await Services.DisposeAsync();
    }

    private sealed class NoEntities : IEntityDirectory
    {
        public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct) => Task.FromResult<EntityInfo?>(null);

        public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct) => throw new InvalidOperationException();
    }
}
