using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Mail;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// Storage transactions per distributed document (StorageTransactionCounter counts every request of the host's
/// clients) for a 50-document message — a full lot. The counts are deterministic, so they are asserted.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class DistributionCostTests(AzuriteFixture azurite, MailDevFixture maildev)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Fifty_document_message_with_a_webhook_costs_three_storage_transactions()
    {
        await using var receiver = await WebhookReceiver.StartAsync("cost");
        await using var h = await DistributionHarness.StartAsync(azurite, _time);
        h.Targets.Targets = new DistributionTargets(receiver.Url, receiver.Secret, null);
        var (message, _) = await h.SeedAsync([.. Enumerable.Repeat(DocumentStatus.Authorized, 50)]);
        var before = h.Counter.Snapshot();

        await h.HandleAsync(message);

        var spent = h.Counter.Snapshot().Since(before);
        Report("webhook, 50 documents", spent, 50);
        Assert.Single(receiver.Requests);
        Assert.Equal(50, receiver.Requests.Single().Json.GetProperty("documents").GetArrayLength());
        // documents range query + delivery-log range query + one entity-group transaction
        Assert.Equal(3, spent.Total);
        Assert.Equal(0, spent.For(StorageService.Blob));
    }

    [Fact]
    public async Task Fifty_document_message_with_webhook_and_email_adds_one_blob_read_per_document()
    {
        await maildev.DeleteAllAsync(TestContext.Current.CancellationToken);
        await using var receiver = await WebhookReceiver.StartAsync("cost");
        await using var h = await DistributionHarness.StartAsync(azurite, _time, maildev.SmtpPort);
        h.Targets.Targets = new DistributionTargets(receiver.Url, receiver.Secret, "fiscal@cliente.example.com");
        var (message, _) = await h.SeedAsync([.. Enumerable.Repeat(DocumentStatus.Authorized, 50)]);
        var before = h.Counter.Snapshot();

        await h.HandleAsync(message);

        var spent = h.Counter.Snapshot().Since(before);
        Report("webhook + e-mail, 50 documents", spent, 50);
        Assert.Equal(50, (await maildev.WaitForEmailsAsync(50, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)).Count);
        Assert.Equal(50, spent.For(StorageService.Blob));
        Assert.Equal(3, spent.For(StorageService.Table));
        Assert.Equal(53, spent.Total);
    }

    private static void Report(string what, StorageTransactionSnapshot spent, int documents) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{what}: {spent.Total} storage transactions = {spent.Total / (double)documents:0.###} per document{Environment.NewLine}{spent}");
}
