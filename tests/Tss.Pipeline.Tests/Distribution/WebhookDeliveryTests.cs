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
public sealed class WebhookDeliveryTests(AzuriteFixture azurite) : WebhookDeliveryTestBase(azurite)
{
    [Fact]
    public async Task Final_documents_are_delivered_in_one_signed_post_with_their_outcome_fields()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Rejected, DocumentStatus.InLot);

        await H.HandleAsync(message);

        var call = Assert.Single(Receiver.Requests);
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

        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Succeeded, entry.State);
        Assert.Equal(DeliveryChannel.Webhook, entry.Channel);
        Assert.Equal(call.DeliveryId, entry.DeliveryId);
        Assert.Equal(Receiver.BaseUri + "hook", entry.Target); // the query string (a token) is not logged
        Assert.Equal(3, entry.Keys.Count);
        var attempt = Assert.Single(entry.Attempts);
        Assert.Equal((1, 200, (string?)null, Time.GetUtcNow()), (attempt.Number, attempt.StatusCode, attempt.Error, attempt.At));
        Assert.Empty(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[3].RowKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Failed_first_attempt_starts_the_delivery_orchestration_and_no_queue_message()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Authorized);
        Receiver.FailNext(3);
        var start = Time.GetUtcNow();

        await H.HandleAsync(message);

        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.Retrying, start + TimeSpan.FromSeconds(30)), (entry.State, entry.NextAttemptAt));
        Assert.Equal(0, await H.QueuedAsync()); // the retry is a durable timer in the orchestration, not a delayed message
        var retries = await H.RetriesAsync(entry);
        Assert.NotNull(retries);
        Assert.Equal("DeliveryOrchestrator", retries.Name);
        Assert.Contains(entry.DeliveryId, retries.SerializedInput, StringComparison.Ordinal);

        // The message delivered again (a redelivery, a duplicate) neither sends nor starts anything new.
        Time.Advance(TimeSpan.FromSeconds(31));
        await H.HandleAsync(message);
        Assert.Single(Receiver.Requests);
        Assert.Single((await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken)).Single().Attempts);
    }

    [Fact]
    public async Task Succeeded_delivery_starts_no_orchestration()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized);

        await H.HandleAsync(message);

        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Succeeded, entry.State);
        Assert.Null(await H.RetriesAsync(entry));
    }

    [Fact]
    public async Task Redelivered_message_does_not_deliver_twice()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Authorized);

        await H.HandleAsync(message);
        await H.HandleAsync(message);
        await H.HandleAsync(new DistributeMessage(message.Partition, [.. message.Keys.Reverse()])); // a duplicate, keys reordered

        Assert.Single(Receiver.Requests);
        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[2].RowKey, TestContext.Current.CancellationToken));
        Assert.Single(entry.Attempts);
        Assert.Null(await H.RetriesAsync(entry));
    }

    [Fact]
    public async Task Document_authorized_after_a_rejection_under_the_same_key_is_a_new_delivery()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Rejected);
        await H.HandleAsync(message);
        Time.Advance(TimeSpan.FromMinutes(5));
        var doc = docs[0];
        doc.Status = nameof(DocumentStatus.Authorized);
        doc.cStat = 100;
        doc.UpdatedAt = Time.GetUtcNow();
        await H.Storage.GetTable(H.Pipeline.DocumentsTable).UpsertEntityAsync(doc, cancellationToken: TestContext.Current.CancellationToken);

        await H.HandleAsync(message);

        Assert.Equal(["Rejected", "Authorized"], Receiver.Requests.Select(r => r.Json.GetProperty("documents")[0].GetProperty("status").GetString()));
        Assert.Equal(2, Receiver.Requests.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task No_target_sends_nothing_and_writes_nothing()
    {
        H.Targets.Targets = DistributionTargets.None;
        var (message, _) = await H.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Rejected, DocumentStatus.Denied);
        var before = H.Counter.Snapshot();

        await H.HandleAsync(message);

        var spent = H.Counter.Snapshot().Since(before);
        Assert.True(spent.Total == 1, spent.ToString()); // the documents' read, nothing else
        Assert.Empty(Receiver.Requests);
        Assert.Empty(await H.LogRowsAsync());
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_counts_as_a_failure()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized);
        Receiver.Redirect = true;

        await H.HandleAsync(message);

        Assert.Single(Receiver.Requests);
        Assert.Equal(0, Receiver.RedirectTargetHits);
        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.Retrying, entry.State);
        Assert.Equal(307, entry.Attempts[0].StatusCode);
    }

    [Fact]
    public async Task Stalled_receiver_times_out_and_is_retried()
    {
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized);
        Receiver.Stall = TimeSpan.FromSeconds(5);

        await H.HandleAsync(message);

        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.Retrying, "timeout", (int?)null), (entry.State, entry.Attempts[0].Error, entry.Attempts[0].StatusCode));
        Assert.InRange(entry.Attempts[0].DurationMs, 1_900, 4_900); // Distribution:WebhookTimeout = 2 s
        Assert.NotNull(await H.RetriesAsync(entry));
    }

    [Theory]
    [InlineData("http://example.com/hook", "http_not_allowed")]
    [InlineData("ftp://example.com/hook", "url_scheme_not_allowed")]
    [InlineData("https://user:pass@example.com/hook", "url_credentials_not_allowed")]
    [InlineData("https://169.254.169.254/latest/meta-data", "address_blocked")]
    [InlineData("https://10.0.0.5/hook", "address_blocked")]
    public async Task Webhook_urls_the_policy_refuses_are_given_up_without_a_call(string url, string error)
    {
        H.Targets.Targets = new DistributionTargets(new Uri(url), "secret", null);
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized);

        await H.HandleAsync(message);

        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryState.GivenUp, entry.State);
        Assert.StartsWith(error, entry.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Null(await H.RetriesAsync(entry)); // a permanent failure is not retried
    }

    [Fact]
    public async Task Webhook_without_a_secret_is_not_sent_unsigned()
    {
        H.Targets.Targets = new DistributionTargets(Receiver.Url, null, null);
        var (message, docs) = await H.SeedAsync(DocumentStatus.Authorized);

        await H.HandleAsync(message);

        Assert.Empty(Receiver.Requests);
        var entry = Assert.Single(await H.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryState.GivenUp, "secret_missing"), (entry.State, entry.Attempts[0].Error));
    }

    [Fact]
    public async Task Hostile_message_with_malformed_keys_changes_nothing()
    {
        var (message, _) = await H.SeedAsync(DocumentStatus.Authorized);

        await H.HandleAsync(new DistributeMessage(message.Partition, ["../../etc", "' or 1 eq 1", new string('9', 45)]));
        await H.HandleAsync(new DistributeMessage("", message.Keys));
        await H.HandleAsync(new DistributeMessage("other|tenant|2611", message.Keys));

        Assert.Empty(Receiver.Requests);
        Assert.Empty(await H.LogRowsAsync());
    }
}
