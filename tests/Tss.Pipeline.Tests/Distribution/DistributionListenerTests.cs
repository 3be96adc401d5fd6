using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Durable;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Messages;
using Tss.Protocol.Time;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Durable;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// The distribute queue's real listener, as <c>AddTssPipeline</c> registers it, with the delivery orchestration on the
/// local Durable engine (<c>AddTssDurable</c>: DurableTask.AzureStorage on Azurite, the backend Durable Functions uses),
/// on a clock running 600 times fast: the retry waits (30 s, 2 min, 10 min) are durable timers of 50 ms, 200 ms and 1 s.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class DistributionListenerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failing_receiver_gets_the_delivery_through_durable_timers_on_the_scaled_clock()
    {
        // The retries start after the first attempt is in the log, so no scale makes a retry read a stale row.
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, 600);
        await using var receiver = await WebhookReceiver.StartAsync("listener-secret");
        receiver.FailNext(3);
        var settings = DistributionHarness.Configuration(azurite, smtpPort: null);
        settings[$"Queues:{settings["Pipeline:DistributeQueue"]}:IdleBackoffMax"] = "00:00:00.200";
        settings["Durable:MaxQueuePollingInterval"] = "00:00:00.200";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IDistributionTargets>(new FixedDistributionTargets { Targets = new(receiver.Url, receiver.Secret, null) });
        builder.Services.AddSingleton<IEntityDirectory>(new FixedEntityDirectoryStub());
        builder.Services.AddTssPipeline(builder.Configuration);
        builder.Services.AddTssDurable(builder.Configuration);
        builder.Services.AddTssDeliveryOrchestration();
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
            Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
            Assert.Equal(0, (await storage.GetQueue(pipeline.DistributeQueue).GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount); // no timer messages
            var retries = await host.Services.GetRequiredService<DurableTaskClient>().WaitForCompletionAsync(
                Deliveries.InstanceId(new DeliveryRequest(DeliveryType.NfeOutcome, entry.Partition, entry.DeliveryId, DeliveryChannel.Webhook, [])), TimeSpan.FromSeconds(20));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, retries.RuntimeStatus);
            Assert.Equal(DeliveryState.Succeeded, retries.ReadOutputAs<DeliveryState>());
            Assert.Contains("\"Attempt\":1", retries.SerializedInput, StringComparison.OrdinalIgnoreCase); // ids and numbers only
            Assert.DoesNotContain("<", retries.SerializedInput, StringComparison.Ordinal);
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
