using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Testing.Azurite;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// The near-limit alert of an NFC-e issued off-line (tpEmis 9) on real Azurite to a real Kestrel receiver, on a fake
/// clock: nothing before dhEmi + OfflineAlertAfter, then one signed "nfce.offline_near_limit" webhook through the one
/// delivery pipeline, never a second one for the same NFC-e, and none for an NFC-e already authorized.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class OfflineAlertDeliveryTests(AzuriteFixture azurite) : WebhookDeliveryTestBase(azurite)
{
    [Fact]
    public async Task A_pending_off_line_nfce_is_alerted_once_at_its_alert_time_and_not_before()
    {
        var doc = await OfflineAsync(DocumentStatus.Pending);
        var message = new DistributeMessage(doc.PartitionKey, [doc.RowKey], DeliveryType.NfceOfflineNearLimit);

        Time.Advance(H.Pipeline.OfflineAlertAfter - TimeSpan.FromMinutes(1));
        await H.HandleAsync(message);
        Assert.Empty(Receiver.Requests);

        Time.Advance(TimeSpan.FromMinutes(1));
        await H.HandleAsync(message);
        var call = Assert.Single(Receiver.Requests);
        Assert.True(call.SignatureValid);
        Assert.Equal("nfce.offline_near_limit", call.Json.GetProperty("type").GetString());
        var item = Assert.Single(call.Json.GetProperty("documents").EnumerateArray().ToList());
        Assert.Equal(doc.RowKey, item.GetProperty("chNFe").GetString());
        Assert.Equal(doc.OfflineTransmitBy, item.GetProperty("transmitBy").GetDateTimeOffset());
        Assert.Contains("contingência off-line", item.GetProperty("message").GetString(), StringComparison.Ordinal);

        // A second message (redelivery, a resubmission of the NFC-e) sends nothing more.
        Time.Advance(TimeSpan.FromHours(1));
        await H.HandleAsync(message);
        Assert.Single(Receiver.Requests);
    }

    [Fact]
    public async Task An_off_line_nfce_authorized_before_its_alert_time_is_not_alerted()
    {
        var doc = await OfflineAsync(DocumentStatus.Authorized);

        Time.Advance(H.Pipeline.OfflineAlertAfter + TimeSpan.FromMinutes(5));
        await H.HandleAsync(new DistributeMessage(doc.PartitionKey, [doc.RowKey], DeliveryType.NfceOfflineNearLimit));

        Assert.Empty(Receiver.Requests);
    }

    /// <summary>A seeded document turned into an NFC-e issued off-line now, with the given status.</summary>
    private async Task<DocumentRecord> OfflineAsync(DocumentStatus status)
    {
        var (_, docs) = await H.SeedAsync(status);
        var doc = docs[0];
        doc.mod = 65;
        doc.OfflineIssuedAt = Time.GetUtcNow();
        doc.OfflineTransmitBy = Time.GetUtcNow().AddHours(24);
        await H.Storage.GetTable(H.Pipeline.DocumentsTable).UpsertEntityAsync(doc, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
        return doc;
    }
}
