using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Entities;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Messages;
using Tss.Protocol.Time;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// The distribute queue's real listener, as <c>AddTssPipeline</c> registers it, on a clock running 600 times fast:
/// the retry timers (30 s, 2 min, 10 min) are real delayed queue messages that surface in about a second each.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class DistributionListenerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failing_receiver_gets_the_delivery_through_durable_timers_on_the_scaled_clock()
    {
        // ×120: the first retry (30 s) comes 250 ms later in real time. Faster, and the retry timer (scheduled before
        // the delivery log is written, so a crash never loses a retry) can fire while that write is still in flight;
        // the later write then loses its ETag race and one attempt is missing from the log — harmless in production,
        // where the shortest retry is 30 real seconds.
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, 120);
        await using var receiver = await WebhookReceiver.StartAsync("listener-secret");
        receiver.FailNext(3);
        var settings = DistributionHarness.Configuration(azurite, smtpPort: null);
        settings[$"Queues:{settings["Pipeline:DistributeQueue"]}:IdleBackoffMax"] = "00:00:00.200";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IDistributionTargets>(new FixedDistributionTargets { Targets = new(receiver.Url, receiver.Secret, null) });
        builder.Services.AddSingleton<IEntityDirectory>(new FixedEntityDirectoryStub());
        builder.Services.AddTssPipeline(builder.Configuration);
        using var host = builder.Build();
        var pipeline = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var storage = host.Services.GetRequiredService<StorageClients>();
        await DistributionHarness.CreateStorageAsync(storage, pipeline, host.Services.GetRequiredService<IOptions<DistributionOptions>>().Value);
        var (message, docs) = await DistributionHarness.SeedAsync(storage, pipeline, time, DocumentStatus.Authorized, DocumentStatus.Denied);
        await host.StartAsync(Ct);
        try
        {
            await host.Services.GetRequiredService<IQueueSender>().SendAsync(pipeline.DistributeQueue, message, null, Ct);

            var log = host.Services.GetRequiredService<DeliveryLog>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            DeliveryEntry? entry = null;
            while (DateTime.UtcNow < deadline && entry?.State != DeliveryState.Succeeded)
            {
                await Task.Delay(200, Ct);
                entry = (await log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct)).SingleOrDefault();
            }

            Assert.NotNull(entry);
            Assert.Equal(DeliveryState.Succeeded, entry.State);
            Assert.Equal([503, 503, 503, 200], entry.Attempts.Select(a => a.StatusCode ?? 0));
            var gaps = entry.Attempts.Zip(entry.Attempts.Skip(1), (a, b) => b.At - a.At).ToList();
            Assert.True(gaps[0] >= TimeSpan.FromSeconds(30), $"first retry after {gaps[0]}");
            Assert.True(gaps[1] >= TimeSpan.FromMinutes(2), $"second retry after {gaps[1]}");
            Assert.True(gaps[2] >= TimeSpan.FromMinutes(10), $"third retry after {gaps[2]}");
            Assert.Equal([1, 2, 3, 4], receiver.Requests.Select(r => r.Attempt));
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private sealed class FixedEntityDirectoryStub : IEntityDirectory
    {
        public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct) => Task.FromResult<EntityInfo?>(null);

        public Task<System.Security.Cryptography.X509Certificates.X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct) =>
            throw new InvalidOperationException("not used by distribution");
    }
}
