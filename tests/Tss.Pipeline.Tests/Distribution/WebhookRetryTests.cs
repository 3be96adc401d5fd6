using Microsoft.DurableTask.Client;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Protocol.Time;
using Tss.Testing.Azurite;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// Webhook retries through the delivery orchestration (in-memory Durable engine, delivery log on Azurite, a real
/// Kestrel receiver). The pipeline clock runs 600 times fast: durable timers are real time, and
/// <see cref="Deliveries.RealTime"/> divides the schedule's waits by the scale (30 s → 50 ms, 10 min → 1 s).
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class WebhookRetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ScaledTimeProvider _time = new(DateTimeOffset.UtcNow, 600);
    private WebhookReceiver _receiver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync("retry-secret");

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<DistributionHarness> StartAsync(params string[] schedule)
    {
        var h = await DistributionHarness.StartAsync(azurite, _time, configure: s =>
        {
            for (var i = 0; i < schedule.Length; i++)
            {
                s[$"Distribution:RetrySchedule:{i}"] = schedule[i];
            }
        });
        h.Targets.Targets = new DistributionTargets(_receiver.Url, _receiver.Secret, null);
        return h;
    }

    private static async Task<OrchestrationMetadata> CompletedAsync(DistributionHarness h, DeliveryEntry entry)
    {
        var retries = await h.RetriesAsync(entry);
        Assert.NotNull(retries);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var done = await h.Durable.WaitForInstanceCompletionAsync(retries.InstanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done;
    }

    [Fact]
    public async Task Failing_receiver_is_retried_on_the_schedule_until_it_accepts()
    {
        await using var h = await StartAsync();
        var (message, docs) = await h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Authorized);
        _receiver.FailNext(3);

        await h.HandleAsync(message);
        var entry = await h.WaitFinishedAsync(docs[1].RowKey);

        Assert.Equal(DeliveryState.Succeeded, entry.State);
        Assert.Null(entry.NextAttemptAt);
        Assert.Equal([503, 503, 503, 200], entry.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([1, 2, 3, 4], entry.Attempts.Select(a => a.Number));
        var gaps = entry.Attempts.Zip(entry.Attempts.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(30), $"first retry after {gaps[0]}");
        Assert.True(gaps[1] >= TimeSpan.FromMinutes(2), $"second retry after {gaps[1]}");
        Assert.True(gaps[2] >= TimeSpan.FromMinutes(10), $"third retry after {gaps[2]}");
        Assert.Equal(entry.Attempts[^1].At, entry.CompletedAt);
        Assert.StartsWith("http_503: xxxx", entry.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], _receiver.Requests.Select(r => r.Attempt));
        Assert.All(_receiver.Requests, r => Assert.True(r.SignatureValid));
        Assert.Single(_receiver.Requests.Select(r => r.DeliveryId).Distinct()); // one delivery id for the receiver's dedup
        Assert.Equal(DeliveryState.Succeeded, (await CompletedAsync(h, entry)).ReadOutputAs<DeliveryState>());

        // A late copy of the message finds the delivery done.
        await h.HandleAsync(message);
        Assert.Equal(4, _receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_is_given_up_after_the_last_attempt_of_the_schedule()
    {
        // A configured schedule (Distribution:RetrySchedule) replaces the default: three retries.
        await using var h = await StartAsync("00:00:30", "00:01:00", "00:02:00");
        var (message, docs) = await h.SeedAsync(DocumentStatus.Rejected);
        _receiver.FailureStatus = 500;
        _receiver.FailNext(100);

        await h.HandleAsync(message);
        var entry = await h.WaitFinishedAsync(docs[0].RowKey);

        Assert.Equal(DeliveryState.GivenUp, entry.State);
        Assert.Equal(4, entry.Attempts.Count);
        Assert.All(entry.Attempts, a => Assert.Equal(500, a.StatusCode));
        Assert.Equal(DeliveryState.GivenUp, (await CompletedAsync(h, entry)).ReadOutputAs<DeliveryState>());
        Assert.Equal(4, _receiver.Requests.Count);
    }

    [Fact]
    public async Task Retry_of_an_outcome_that_changed_since_is_given_up_as_superseded()
    {
        await using var h = await StartAsync("00:10:00"); // 1 s of real time to change the document
        var (message, docs) = await h.SeedAsync(DocumentStatus.Rejected);
        _receiver.FailNext(1);

        await h.HandleAsync(message);
        var doc = docs[0];
        doc.Status = nameof(DocumentStatus.Authorized);
        doc.cStat = 100;
        doc.UpdatedAt = _time.GetUtcNow();
        await h.Storage.GetTable(h.Pipeline.DocumentsTable).UpsertEntityAsync(doc, cancellationToken: Ct);
        var old = Assert.Single(await h.Log.ForDocumentAsync(DistributionHarness.TenantId, doc.RowKey, Ct));
        await CompletedAsync(h, old);

        old = (await h.Log.ForDocumentAsync(DistributionHarness.TenantId, doc.RowKey, Ct)).Single(e => e.DeliveryId == old.DeliveryId);
        Assert.Equal(DeliveryState.GivenUp, old.State);
        Assert.Equal("superseded", old.Attempts[^1].Error);
        Assert.Single(_receiver.Requests); // the new outcome is a new delivery: its own message makes its first attempt
    }

    [Fact]
    public async Task Retry_after_the_tenant_removed_the_webhook_ends_the_delivery()
    {
        await using var h = await StartAsync("00:10:00");
        var (message, docs) = await h.SeedAsync(DocumentStatus.Authorized);
        _receiver.FailNext(1);

        await h.HandleAsync(message);
        h.Targets.Targets = DistributionTargets.None;
        var entry = await h.WaitFinishedAsync(docs[0].RowKey);

        Assert.Equal((DeliveryState.GivenUp, "target_removed"), (entry.State, entry.Attempts[^1].Error));
        Assert.Single(_receiver.Requests);
    }
}
