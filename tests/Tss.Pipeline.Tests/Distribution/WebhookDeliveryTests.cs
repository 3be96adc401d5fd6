using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Testing.Azurite;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>Webhook delivery on real Azurite to a real Kestrel receiver, on a fake clock (handlers called directly): the
/// first attempt, and the start of the retries (their run is in <see cref="WebhookRetryTests"/>).</summary>
[Collection(DistributionCollection.Name)]
public sealed class WebhookDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private DistributionHarness _h = null!;
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        _h = await DistributionHarness.StartAsync(azurite, _time);
        _receiver = await WebhookReceiver.StartAsync("s3cr3t-of-the-tenant");
        _h.Targets.Targets = new DistributionTargets(_receiver.Url, _receiver.Secret, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Final_documents_are_delivered_in_one_signed_post_with_their_outcome_fields()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Rejected, DocumentStatus.InLot);

        await _h.HandleAsync(message);

        var call = Assert.Single(_receiver.Requests);
        Assert.True(call.SignatureValid);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("?token=abc", call.Query);
        Assert.Equal(1, call.Attempt);
        var json = call.Json;
        Assert.Equal(call.DeliveryId, json.GetProperty("deliveryId").GetString());
        Assert.Equal("nfe.outcome", json.GetProperty("type").GetString());
        Assert.Equal(DistributionHarness.Cnpj, json.GetProperty("cnpj").GetString());
        var listed = json.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(3, listed.Count); // the InLot document is not final: not delivered
        var authorized = listed.Single(d => d.GetProperty("chNFe").GetString() == docs[0].RowKey);
        Assert.Equal("Authorized", authorized.GetProperty("status").GetString());
        Assert.Equal(100, authorized.GetProperty("cStat").GetInt32());
        Assert.Equal("Autorizado o uso da NF-e", authorized.GetProperty("xMotivo").GetString());
        Assert.Equal(docs[0].nProt, authorized.GetProperty("nProt").GetString());
        Assert.Equal(docs[0].ErpId, authorized.GetProperty("erpId").GetString());
        Assert.Equal(docs[0].dhRecbto, authorized.GetProperty("dhRecbto").GetDateTimeOffset());
        Assert.Equal(2, authorized.GetProperty("tpAmb").GetInt32());
        Assert.Equal($"https://tss.example.com/api/v1/entities/{DistributionHarness.Cnpj}/nfe/{docs[0].RowKey}/procnfe", authorized.GetProperty("procNFeUrl").GetString());
        Assert.Equal(32, authorized.GetProperty("eventId").GetString()!.Length);
        var rejected = listed.Single(d => d.GetProperty("chNFe").GetString() == docs[2].RowKey);
        Assert.Equal(225, rejected.GetProperty("cStat").GetInt32());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("procNFeUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("nProt").ValueKind);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Succeeded, entry.State);
        Assert.Equal(DeliveryChannel.Webhook, entry.Channel);
        Assert.Equal(call.DeliveryId, entry.DeliveryId);
        Assert.Equal(_receiver.BaseUri + "hook", entry.Target); // the query string (a token) is not logged
        Assert.Equal(3, entry.Keys.Count);
        var attempt = Assert.Single(entry.Attempts);
        Assert.Equal((1, 200, (string?)null, _time.GetUtcNow()), (attempt.Number, attempt.StatusCode, attempt.Error, attempt.At));
        Assert.Empty(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[3].RowKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Failed_first_attempt_starts_the_delivery_orchestration_and_no_queue_message()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Authorized);
        _receiver.FailNext(3);
        var start = _time.GetUtcNow();

        await _h.HandleAsync(message);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.Retrying, start + TimeSpan.FromSeconds(30)), (entry.State, entry.NextAttemptAt));
        Assert.Equal(0, await _h.QueuedAsync()); // the retry is a durable timer in the orchestration, not a delayed message
        var retries = await _h.RetriesAsync(entry);
        Assert.NotNull(retries);
        Assert.Equal("DeliveryOrchestrator", retries.Name);
        Assert.Contains(entry.DeliveryId, retries.SerializedInput, StringComparison.Ordinal);

        // The message delivered again (a redelivery, a duplicate) neither sends nor starts anything new.
        _time.Advance(TimeSpan.FromSeconds(31));
        await _h.HandleAsync(message);
        Assert.Single(_receiver.Requests);
        Assert.Single((await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken)).Single().Attempts);
    }

    [Fact]
    public async Task Succeeded_delivery_starts_no_orchestration()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Succeeded, entry.State);
        Assert.Null(await _h.RetriesAsync(entry));
    }

    [Fact]
    public async Task Redelivered_message_does_not_deliver_twice()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Authorized);

        await _h.HandleAsync(message);
        await _h.HandleAsync(message);
        await _h.HandleAsync(new DistributeMessage(message.Partition, [.. message.Keys.Reverse()])); // a duplicate, keys reordered

        Assert.Single(_receiver.Requests);
        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[2].RowKey, TestContext.Current.CancellationToken));
        Assert.Single(entry.Attempts);
        Assert.Null(await _h.RetriesAsync(entry));
    }

    [Fact]
    public async Task Document_authorized_after_a_rejection_under_the_same_key_is_a_new_delivery()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Rejected);
        await _h.HandleAsync(message);
        _time.Advance(TimeSpan.FromMinutes(5));
        var doc = docs[0];
        doc.Status = nameof(DocumentStatus.Authorized);
        doc.cStat = 100;
        doc.UpdatedAt = _time.GetUtcNow();
        await _h.Storage.GetTable(_h.Pipeline.DocumentsTable).UpsertEntityAsync(doc, cancellationToken: TestContext.Current.CancellationToken);

        await _h.HandleAsync(message);

        Assert.Equal(["Rejected", "Authorized"], _receiver.Requests.Select(r => r.Json.GetProperty("documents")[0].GetProperty("status").GetString()));
        Assert.Equal(2, _receiver.Requests.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task No_target_sends_nothing_and_writes_nothing()
    {
        _h.Targets.Targets = DistributionTargets.None;
        var (message, _) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Rejected, DocumentStatus.Denied);
        var before = _h.Counter.Snapshot();

        await _h.HandleAsync(message);

        var spent = _h.Counter.Snapshot().Since(before);
        Assert.True(spent.Total == 1, spent.ToString()); // the documents' read, nothing else
        Assert.Empty(_receiver.Requests);
        Assert.Empty(await _h.LogRowsAsync());
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_counts_as_a_failure()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);
        _receiver.Redirect = true;

        await _h.HandleAsync(message);

        Assert.Single(_receiver.Requests);
        Assert.Equal(0, _receiver.RedirectTargetHits);
        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Retrying, entry.State);
        Assert.Equal(307, entry.Attempts[0].StatusCode);
    }

    [Fact]
    public async Task Stalled_receiver_times_out_and_is_retried()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);
        _receiver.Stall = TimeSpan.FromSeconds(5);

        await _h.HandleAsync(message);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.Retrying, "timeout", (int?)null), (entry.State, entry.Attempts[0].Error, entry.Attempts[0].StatusCode));
        Assert.InRange(entry.Attempts[0].DurationMs, 1_900, 4_900); // Distribution:WebhookTimeout = 2 s
        Assert.NotNull(await _h.RetriesAsync(entry));
    }

    [Theory]
    [InlineData("http://example.com/hook", "http_not_allowed")]
    [InlineData("ftp://example.com/hook", "url_scheme_not_allowed")]
    [InlineData("https://user:pass@example.com/hook", "url_credentials_not_allowed")]
    [InlineData("https://169.254.169.254/latest/meta-data", "address_blocked")]
    [InlineData("https://10.0.0.5/hook", "address_blocked")]
    public async Task Webhook_urls_the_policy_refuses_are_given_up_without_a_call(string url, string error)
    {
        _h.Targets.Targets = new DistributionTargets(new Uri(url), "secret", null);
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.GivenUp, entry.State);
        Assert.StartsWith(error, entry.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Null(await _h.RetriesAsync(entry)); // a permanent failure is not retried
    }

    [Fact]
    public async Task Webhook_without_a_secret_is_not_sent_unsigned()
    {
        _h.Targets.Targets = new DistributionTargets(_receiver.Url, null, null);
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        Assert.Empty(_receiver.Requests);
        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.GivenUp, "secret_missing"), (entry.State, entry.Attempts[0].Error));
    }

    [Fact]
    public async Task Hostile_message_with_malformed_keys_changes_nothing()
    {
        var (message, _) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(new DistributeMessage(message.Partition, ["../../etc", "' or 1 eq 1", new string('9', 45)]));
        await _h.HandleAsync(new DistributeMessage("", message.Keys));
        await _h.HandleAsync(new DistributeMessage("other|tenant|2611", message.Keys));

        Assert.Empty(_receiver.Requests);
        Assert.Empty(await _h.LogRowsAsync());
    }
}
