using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Entities;
using Tss.Durable;
using Tss.Mde.Documents;
using Tss.Mde.Hosting;
using Tss.Mde.Notifications;
using Tss.Mde.Protocol;
using Tss.Mde.Tests.Integration;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Protocol.Time;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Webhooks;

namespace Tss.Mde.Tests.Notifications;

/// <summary>Azurite and one MD-e host (notify-queue listener, delivery orchestration on the local Durable engine:
/// DurableTask.AzureStorage on the same Azurite) on a clock 600 times fast, shared by the notification tests; each test
/// uses its own tenants and receivers.</summary>
public sealed class NotificationStack : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public ScaledTimeProvider Time { get; } = new(DateTimeOffset.UtcNow, 600);
    public System.Collections.Concurrent.ConcurrentDictionary<string, DistributionTargets> Targets { get; } = new(StringComparer.Ordinal);
    public IHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var suffix = _azurite.UniqueName("n");
        var settings = MdeTestSettings.Storage(_azurite.ConnectionString, suffix);
        settings["Durable:TaskHub"] = TestSettings.DurableHub(suffix);
        settings["Durable:MaxQueuePollingInterval"] = "00:00:00.200";
        settings["Distribution:AllowLoopback"] = "true";
        settings[$"Queues:{settings["Mde:NotifyQueue"]}:IdleBackoffMax"] = "00:00:00.200";
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<IEntityDirectory>(new TestEntities());
        builder.Services.AddSingleton<IDistributionTargets>(new TargetsByTenant(Targets));
        builder.Services.AddTssDistribution(builder.Configuration); // the one delivery pipeline MD-e notifications go through
        builder.Services.AddTssMde(builder.Configuration);
        builder.Services.AddTssDurable(builder.Configuration);
        builder.Services.AddTssDeliveryOrchestration();
        Host = builder.Build();
        await Host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
        await _azurite.DisposeAsync();
    }

    private sealed class TargetsByTenant(System.Collections.Concurrent.ConcurrentDictionary<string, DistributionTargets> byTenant) : IDistributionTargets
    {
        public Task<DistributionTargets> GetAsync(string tenantId, string cnpj, CancellationToken ct) =>
            Task.FromResult(byTenant.GetValueOrDefault(tenantId) ?? DistributionTargets.None);
    }
}

/// <summary>
/// MD-e notifications on their real notify-queue listener (Azurite) to real Kestrel receivers: the first attempt in
/// the queue handler, retries in the same delivery orchestration NF-e webhooks use, on a clock 600 times fast (the
/// 30 s and 2 min retries are durable timers of 50 and 200 ms).
/// </summary>
public sealed class MdeNotificationRetryTests(NotificationStack stack) : IClassFixture<NotificationStack>, IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private static int _nextTenant;
    private readonly string _tenant = $"tn{Interlocked.Increment(ref _nextTenant)}-{Guid.NewGuid():N}"[..20];
    private readonly string _twinTenant = $"tw{Interlocked.Increment(ref _nextTenant)}-{Guid.NewGuid():N}"[..20];
    private IHost _host = null!;
    private WebhookReceiver _first = null!;
    private WebhookReceiver _twin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = stack.Host;
        _first = await WebhookReceiver.StartAsync("first-tenant-secret");
        _twin = await WebhookReceiver.StartAsync("twin-tenant-secret");
        stack.Targets[_tenant] = new DistributionTargets(_first.Url, _first.Secret, null);
        stack.Targets[_twinTenant] = new DistributionTargets(_twin.Url, _twin.Secret, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _twin.DisposeAsync();
    }

    private async Task IndexAsync(string tenantId, params long[] nsus)
    {
        var documents = _host.Services.GetRequiredService<MdeDocumentStore>();
        var received = nsus.Select(n => new ReceivedDocument(n, "resNFe_v1.01.xsd", DocumentType.ResNFe, "<resNFe/>")
        {
            chNFe = $"352611{Cnpj}550010000{n:00000}1123456789"[..44],
            EmitCnpj = "99888777000161",
            xNome = "EMITENTE LTDA",
            vNF = "100.00",
        }).ToList();
        await documents.IndexAsync(tenantId, Cnpj, 55, received, Ct);
    }

    private Task NotifyAsync(string tenantId, params long[] nsus) =>
        _host.Services.GetRequiredService<IQueueSender>().SendAsync(
            _host.Services.GetRequiredService<IOptions<MdeOptions>>().Value.NotifyQueue, new MdeNotifyMessage(tenantId, Cnpj, nsus), null, Ct);

    private async Task<OrchestrationMetadata> RetriesAsync(string tenantId, long nsu)
    {
        var client = _host.Services.GetRequiredService<DurableTaskClient>();
        var id = Deliveries.InstanceId(Request(tenantId, Cnpj, nsu));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await client.GetInstanceAsync(id, Ct) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>The retry request of one NSU's webhook, as the distributor starts it.</summary>
    private static DeliveryRequest Request(string tenantId, string cnpj, long nsu) =>
        new(DeliveryType.MdeDocument, MdeNotifications.Partition(tenantId, cnpj), MdeNotifications.DeliveryId(cnpj, nsu), DeliveryChannel.Webhook,
            [nsu.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    [Fact]
    public async Task Failed_notification_is_retried_by_the_delivery_orchestration_not_by_queue_redelivery()
    {
        await IndexAsync(_tenant, 101, 102);
        _first.FailNext(2); // NSU 101's first attempt and first retry fail
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await NotifyAsync(_tenant, 101);
        var done = await RetriesAsync(_tenant, 101);
        TestContext.Current.TestOutputHelper?.WriteLine($"delivered after {watch.ElapsedMilliseconds} ms");
        await NotifyAsync(_tenant, 102); // goes through at once
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_first.Requests.Count < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
        await Task.Delay(200, Ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DeliveryState.Succeeded, done.ReadOutputAs<DeliveryState>());
        var calls = _first.Requests.ToList();
        Assert.All(calls, c => Assert.True(c.SignatureValid));
        var for101 = calls.Where(c => c.DeliveryId == $"mde-{Cnpj}-101").ToList();
        Assert.Equal([1, 1, 2, 3], calls.Select(c => c.Attempt).Order()); // 101: 1, 2, 3; 102: 1 (never sent again)
        Assert.Equal([1, 2, 3], for101.Select(c => c.Attempt));
        Assert.Single(calls, c => c.DeliveryId == $"mde-{Cnpj}-102");
        Assert.Equal("mde.document", for101[^1].Json.GetProperty("type").GetString());
        Assert.Equal(_tenant, for101[^1].Json.GetProperty("tenantId").GetString());
        var item = Assert.Single(for101[^1].Json.GetProperty("documents").EnumerateArray());
        Assert.Equal(101, item.GetProperty("nsu").GetInt64());
        Assert.Equal("ResNFe", item.GetProperty("docType").GetString());
        Assert.Equal($"/api/v1/entities/{Cnpj}/mde/documents/by-nsu/101/xml", item.GetProperty("xmlUrl").GetString());
        var queue = _host.Services.GetRequiredService<StorageClients>().GetQueue(_host.Services.GetRequiredService<IOptions<MdeOptions>>().Value.NotifyQueue);
        Assert.Equal(0, (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount); // the message is done after the first attempt
        Assert.Null(await _host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(
            Deliveries.InstanceId(Request(_tenant, Cnpj, 102)), Ct)); // no orchestration on the happy path
    }

    [Fact]
    public async Task Twin_tenants_of_one_cnpj_get_separate_retries_under_the_same_delivery_id()
    {
        await IndexAsync(_tenant, 201);
        await IndexAsync(_twinTenant, 201);
        _first.FailNext(1);
        _twin.FailNext(1);

        await NotifyAsync(_tenant, 201);
        await NotifyAsync(_twinTenant, 201);
        var first = await RetriesAsync(_tenant, 201);
        var twin = await RetriesAsync(_twinTenant, 201);

        Assert.NotEqual(first.InstanceId, twin.InstanceId);
        Assert.Equal(DeliveryState.Succeeded, first.ReadOutputAs<DeliveryState>());
        Assert.Equal(DeliveryState.Succeeded, twin.ReadOutputAs<DeliveryState>());
        Assert.Equal([1, 2], _first.Requests.Select(c => c.Attempt));
        Assert.Equal([1, 2], _twin.Requests.Select(c => c.Attempt));
        Assert.All(_first.Requests.Concat(_twin.Requests), c => Assert.Equal($"mde-{Cnpj}-201", c.DeliveryId));
    }

    [Fact]
    public async Task Second_start_of_the_same_retries_on_the_real_backend_is_a_no_op()
    {
        var deliveries = _host.Services.GetRequiredService<Deliveries>();
        var request = Request(_tenant, Cnpj, 401);
        var due = stack.Time.GetUtcNow() + TimeSpan.FromMinutes(30); // 3 s of real time: still waiting when started again

        await deliveries.RetryLaterAsync(request, 1, due, Ct);
        var first = await _host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(Deliveries.InstanceId(request), Ct);
        await deliveries.RetryLaterAsync(request, 1, due, Ct); // the backend refuses (already exists); ignored

        var again = await _host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(Deliveries.InstanceId(request), Ct);
        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal(first.CreatedAt, again.CreatedAt); // the same instance, not a new one
        await _host.Services.GetRequiredService<DurableTaskClient>().TerminateInstanceAsync(first.InstanceId, cancellation: Ct);
    }

    [Fact]
    public async Task Refused_webhook_is_not_retried()
    {
        stack.Targets[_tenant] = new DistributionTargets(new Uri("https://169.254.169.254/hook"), "secret", null);
        await IndexAsync(_tenant, 301);

        await NotifyAsync(_tenant, 301);
        var queue = _host.Services.GetRequiredService<StorageClients>().GetQueue(_host.Services.GetRequiredService<IOptions<MdeOptions>>().Value.NotifyQueue);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
        await Task.Delay(300, Ct);

        Assert.Equal(0, (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        Assert.Null(await _host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(
            Deliveries.InstanceId(Request(_tenant, Cnpj, 301)), Ct));
    }
}
