using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Tss.Pipeline.Events;
using Tss.Pipeline.Messages;

namespace Tss.Pipeline.Distribution.Internal;

internal sealed partial class Distributor
{
    /// <summary>
    /// Delivers answered events (cancelamento, CC-e): one signed webhook POST listing them (type "nfe.event"), one
    /// e-mail per registered event with its procEventoNFe attached. Same delivery log, ids, first-attempt and retry
    /// rules as document outcomes; the log rows carry the event row keys (which contain the chNFe).
    /// </summary>
    private async Task<DeliveryPass?> DeliverEventsAsync(DistributeMessage message, DeliveryRequest? retry, CancellationToken ct)
    {
        var events = await ReadAnsweredEventsAsync(message, ct).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return null;
        }
        var tenantId = events[0].TenantId;
        var cnpj = events[0].Cnpj;
        var t = await targets.GetAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        var mailEvents = events.Where(e => e.StatusValue == EventStatus.Registered && !string.IsNullOrEmpty(e.ProcBlob)).ToList();
        var wantsMail = !string.IsNullOrWhiteSpace(t.Email) && mailEvents.Count > 0;
        if (wantsMail && !mail.Enabled)
        {
            Log.SmtpNotConfigured(logger, tenantId, cnpj);
            wantsMail = false;
        }
        var deliveryId = EventDeliveryId(message.Partition, events);
        if (retry is null && t.WebhookUrl is null && !wantsMail)
        {
            Log.NoTargets(logger, message.Partition, tenantId, cnpj, events.Count);
            return null;
        }
        if (retry is not null && retry.DeliveryId != deliveryId)
        {
            return new DeliveryPass(DeliveryKinds.NfeEvent, deliveryId, [.. events.Select(e => e.RowKey)], []);
        }

        var log = await ReadLogAsync(message.Partition, deliveryId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var updated = new List<DeliveryRecord>();
        if (Wants(retry, DeliveryChannel.Webhook))
        {
            var rowKey = DeliveryRecord.WebhookRow(deliveryId);
            if (t.WebhookUrl is { } url)
            {
                var row = log.GetValueOrDefault(rowKey);
                if (ShouldAttempt(row, retry, now))
                {
                    row ??= NewRow(message.Partition, rowKey, deliveryId, DeliveryChannel.Webhook, url.GetLeftPart(UriPartial.Path), events.Select(e => e.RowKey), now);
                    var body = EventWebhookPayload.Build(deliveryId, events, _o);
                    Record(row, await webhook.SendAsync(url, t.WebhookSecret, deliveryId, row.AttemptCount + 1, body, now, ct).ConfigureAwait(false), now);
                    updated.Add(row);
                }
            }
            else if (GiveUpRemoved(log.GetValueOrDefault(rowKey), retry, now) is { } removed)
            {
                updated.Add(removed);
            }
        }
        if (Wants(retry, DeliveryChannel.Email))
        {
            var recipients = MailComposer.ParseRecipients(t.Email);
            foreach (var e in mailEvents)
            {
                var rowKey = DeliveryRecord.EmailRow(deliveryId, $"{e.chNFe}-{e.tpEvento}-{e.nSeqEvento:00}");
                var row = log.GetValueOrDefault(rowKey);
                if (!wantsMail)
                {
                    if (GiveUpRemoved(row, retry, now) is { } removed)
                    {
                        updated.Add(removed);
                    }
                    continue;
                }
                if (!ShouldAttempt(row, retry, now))
                {
                    continue;
                }
                row ??= NewRow(message.Partition, rowKey, deliveryId, DeliveryChannel.Email, t.Email!.Trim(), [e.RowKey], now);
                updated.Add(row);
                if (recipients is null)
                {
                    Log.InvalidEmail(logger, tenantId, cnpj);
                    Record(row, AttemptResult.Fatal(null, "recipient_invalid", 0), now);
                    continue;
                }
                byte[] xml;
                try
                {
                    xml = (await blobs.GetBlobContainerClient(_p.ProcContainer).GetBlobClient(e.ProcBlob).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToArray();
                }
                catch (RequestFailedException x) when (x.Status == 404)
                {
                    Record(row, AttemptResult.Transient(null, "procevento_unavailable", 0), now);
                    continue;
                }
                var results = await mail.SendAsync([EventMailComposer.Compose(e, xml, recipients, mail.Options, deliveryId)], ct).ConfigureAwait(false);
                Record(row, results[0], now);
            }
        }
        return await FinishPassAsync(DeliveryKinds.NfeEvent, message.Partition, deliveryId, [.. events.Select(e => e.RowKey)], log, updated, ct).ConfigureAwait(false);
    }

    private async Task<List<EventRecord>> ReadAnsweredEventsAsync(DistributeMessage message, CancellationToken ct)
    {
        var keys = message.Keys.Where(k => k is { Length: < 80 } && k.StartsWith(EventRecord.RowPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Take(20).ToList();
        if (string.IsNullOrEmpty(message.Partition) || keys.Count == 0)
        {
            return [];
        }
        var table = tables.GetTableClient(_p.DocumentsTable);
        var read = await Task.WhenAll(keys.Select(k => table.GetEntityIfExistsAsync<EventRecord>(message.Partition, k, cancellationToken: ct))).ConfigureAwait(false);
        return [.. read.Where(r => r.HasValue).Select(r => r.Value!)
            .Where(e => e.StatusValue is EventStatus.Registered or EventStatus.Rejected)
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)];
    }

    private static string EventDeliveryId(string partition, IEnumerable<EventRecord> events)
    {
        var text = new StringBuilder("event\n").Append(partition);
        foreach (var e in events)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{e.RowKey}|{e.Status}|{e.cStat}|{e.UpdatedAt.UtcTicks}");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
