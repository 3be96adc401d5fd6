using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Runtime.Tables;
using Tss.Runtime.Timers;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// Delivers the final outcomes of a distribute message: one signed webhook POST listing the documents, one e-mail
/// per authorized/denied document. The delivery log drives everything: a target already succeeded (or given up)
/// is never attempted again, a target waiting for its retry is left to its timer, and a retry is the same
/// distribute message scheduled as a durable timer. Storage per message: one document read, one log read, one log
/// write (entity-group transaction), one blob read per e-mail, one queue message per retry time.
/// </summary>
internal sealed partial class Distributor(
    TableServiceClient tables,
    BlobServiceClient blobs,
    IDistributionTargets targets,
    WebhookClient webhook,
    MailSender mail,
    IDurableTimers timers,
    IOptions<DistributionOptions> options,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILogger<Distributor> logger)
{
    private static readonly string[] DocumentColumns =
        ["PartitionKey", "RowKey", "TenantId", "Cnpj", "ErpId", "mod", "tpAmb", "Status", "cStat", "xMotivo", "nProt", "dhRecbto", "ProcBlob", "UpdatedAt", "TraceParent", "LotId", "Uf"];

    private readonly DistributionOptions _o = options.Value;
    private readonly PipelineOptions _p = pipelineOptions.Value;

    public async Task HandleAsync(DistributeMessage message, CancellationToken ct)
    {
        if (message.Kind == DistributeMessage.EventKind)
        {
            await HandleEventsAsync(message, ct).ConfigureAwait(false);
            return;
        }
        var docs = await ReadFinalDocumentsAsync(message, ct).ConfigureAwait(false);
        if (docs.Count == 0)
        {
            return;
        }
        using var spans = PipelineTelemetry.StartDistribution(docs);
        var tenantId = docs[0].TenantId;
        var cnpj = docs[0].Cnpj;
        var t = await targets.GetAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        var mailDocs = docs.Where(d => d.StatusValue is DocumentStatus.Authorized or DocumentStatus.Denied && !string.IsNullOrEmpty(d.ProcBlob)).ToList();
        var wantsMail = !string.IsNullOrWhiteSpace(t.Email) && mailDocs.Count > 0;
        if (wantsMail && !mail.Enabled)
        {
            DistributionLog.SmtpNotConfigured(logger, tenantId, cnpj);
            wantsMail = false;
        }
        if (t.WebhookUrl is null && !wantsMail)
        {
            DistributionLog.NoTargets(logger, message.Partition, tenantId, cnpj, docs.Count);
            return;
        }

        var deliveryId = DeliveryIds.ForMessage(message.Partition, docs);
        var log = await ReadLogAsync(message.Partition, deliveryId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var updated = new List<DeliveryRecord>();
        if (t.WebhookUrl is { } url)
        {
            var row = log.GetValueOrDefault(DeliveryRecord.WebhookRow(deliveryId))
                ?? NewRow(message.Partition, DeliveryRecord.WebhookRow(deliveryId), deliveryId, DeliveryChannel.Webhook, url.GetLeftPart(UriPartial.Path), docs.Select(d => d.RowKey), now);
            if (row.IsDue(now))
            {
                var body = WebhookPayload.Build(deliveryId, docs, _o);
                var result = await webhook.SendAsync(url, t.WebhookSecret, deliveryId, row.AttemptCount + 1, body, now, ct).ConfigureAwait(false);
                Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.AfterWebhookPost);
                Record(row, result, now);
                updated.Add(row);
            }
        }
        if (wantsMail)
        {
            var due = mailDocs
                .Select(d => (Doc: d, Row: log.GetValueOrDefault(DeliveryRecord.EmailRow(deliveryId, d.RowKey))
                    ?? NewRow(message.Partition, DeliveryRecord.EmailRow(deliveryId, d.RowKey), deliveryId, DeliveryChannel.Email, t.Email!.Trim(), [d.RowKey], now)))
                .Where(x => x.Row.IsDue(now))
                .ToList();
            await SendMailsAsync(due, t.Email!, deliveryId, now, ct).ConfigureAwait(false);
            updated.AddRange(due.Select(x => x.Row));
        }
        if (updated.Count == 0)
        {
            DistributionLog.NothingDue(logger, message.Partition, deliveryId);
            return;
        }
        // Timers before the log: a crash in between costs one extra attempt, never a lost retry.
        foreach (var dueAt in updated.Where(r => r.StateValue == DeliveryState.Retrying).Select(r => r.NextAttemptAt!.Value).Distinct())
        {
            await timers.ScheduleAsync(_p.DistributeQueue, message, dueAt, ct).ConfigureAwait(false);
        }
        await WriteLogAsync(deliveryId, updated, ct).ConfigureAwait(false);
    }

    private async Task SendMailsAsync(List<(DocumentRecord Doc, DeliveryRecord Row)> due, string email, string deliveryId, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return;
        }
        var recipients = MailComposer.ParseRecipients(email);
        if (recipients is null)
        {
            DistributionLog.InvalidEmail(logger, due[0].Doc.TenantId, due[0].Doc.Cnpj);
            foreach (var (_, row) in due)
            {
                Record(row, AttemptResult.Fatal(null, "recipient_invalid", 0), now);
            }
            return;
        }
        var container = blobs.GetBlobContainerClient(_p.ProcContainer);
        var xml = new byte[due.Count][];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = _o.MailDownloadConcurrency, CancellationToken = ct }, async (i, token) =>
        {
            try
            {
                xml[i] = (await container.GetBlobClient(due[i].Doc.ProcBlob).DownloadContentAsync(token).ConfigureAwait(false)).Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                xml[i] = [];
            }
        }).ConfigureAwait(false);

        var sendable = Enumerable.Range(0, due.Count).Where(i => xml[i].Length > 0).ToList();
        foreach (var i in Enumerable.Range(0, due.Count).Except(sendable))
        {
            Record(due[i].Row, AttemptResult.Transient(null, "procnfe_unavailable", 0), now);
        }
        var messages = sendable.Select(i => MailComposer.Compose(due[i].Doc, xml[i], recipients, mail.Options, deliveryId, Danfe(due[i].Doc, xml[i]))).ToList();
        var results = await mail.SendAsync(messages, ct).ConfigureAwait(false);
        for (var k = 0; k < sendable.Count; k++)
        {
            Record(due[sendable[k]].Row, results[k], now);
        }
    }

    // The DANFE beside the XML: rendered here (no storage transaction); a failure is logged and the XML goes alone.
    private byte[]? Danfe(DocumentRecord doc, byte[] procNFe)
    {
        if (doc.StatusValue != DocumentStatus.Authorized)
        {
            return null;
        }
        try
        {
            return Tss.Danfe.DanfeRenderer.Render(procNFe);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DistributionLog.DanfeFailed(logger, doc.RowKey, (e as Tss.Danfe.DanfeException)?.Code ?? e.GetType().Name);
            return null;
        }
    }

    private void Record(DeliveryRecord row, AttemptResult result, DateTimeOffset at)
    {
        var attempt = row.AttemptCount + 1;
        var (state, next) = RetryPlan.After(attempt, result, at, _o.EffectiveRetrySchedule);
        row.Add(new DeliveryAttempt(attempt, at, result.StatusCode, result.Error, result.DurationMs), state, next);
        var channel = Enum.Parse<DeliveryChannel>(row.Channel);
        DistributionLog.Attempted(logger, row.DeliveryId, channel, row.Target, attempt, state, result.DurationMs, result.Error);
        if (state == DeliveryState.GivenUp)
        {
            DistributionLog.GivenUp(logger, row.DeliveryId, channel, row.Target, attempt, result.Error);
        }
    }

    private static DeliveryRecord NewRow(string partition, string rowKey, string deliveryId, DeliveryChannel channel, string target, IEnumerable<string> keys, DateTimeOffset now) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        DeliveryId = deliveryId,
        Channel = channel.ToString(),
        Target = target,
        Keys = string.Join(',', keys),
        CreatedAt = now,
    };

    private async Task<List<DocumentRecord>> ReadFinalDocumentsAsync(DistributeMessage message, CancellationToken ct)
    {
        var keys = message.Keys.Where(k => k is not null && ChNFePattern().IsMatch(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (string.IsNullOrEmpty(message.Partition) || keys.Count == 0)
        {
            return [];
        }
        var table = tables.GetTableClient(_p.DocumentsTable);
        var docs = new List<DocumentRecord>();
        if (keys.Count <= 2)
        {
            foreach (var key in keys)
            {
                var read = await table.GetEntityIfExistsAsync<DocumentRecord>(message.Partition, key, DocumentColumns, ct).ConfigureAwait(false);
                if (read.HasValue)
                {
                    docs.Add(read.Value!);
                }
            }
        }
        else
        {
            // One range query over the partition (a lot's keys are adjacent: same CNPJ, model, series, close numbers);
            // a filter listing the keys would exceed the service's 15 comparisons per filter.
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {message.Partition} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
            await foreach (var d in table.QueryAsync<DocumentRecord>(filter, maxPerPage: 1000, select: DocumentColumns, cancellationToken: ct).ConfigureAwait(false))
            {
                if (wanted.Contains(d.RowKey))
                {
                    docs.Add(d);
                }
            }
        }
        return [.. docs.Where(d => Enum.TryParse<DocumentStatus>(d.Status, out var s) && s is DocumentStatus.Authorized or DocumentStatus.Denied or DocumentStatus.Rejected)];
    }

    private async Task<Dictionary<string, DeliveryRecord>> ReadLogAsync(string partition, string deliveryId, CancellationToken ct)
    {
        var rows = new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {deliveryId + "|"} and RowKey lt {deliveryId + "}"}");
        try
        {
            await foreach (var row in tables.GetTableClient(_o.DeliveriesTable).QueryAsync<DeliveryRecord>(filter, maxPerPage: 1000, cancellationToken: ct).ConfigureAwait(false))
            {
                rows[row.RowKey] = row;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The table is created on the first write.
        }
        return rows;
    }

    private async Task WriteLogAsync(string deliveryId, List<DeliveryRecord> rows, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DeliveriesTable);
        var actions = rows.Select(r => r.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, r)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, r, r.ETag)).ToList();
        try
        {
            try
            {
                await table.SubmitInTransactionsAsync(actions, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                await table.SubmitInTransactionsAsync(actions, ct).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A concurrent copy of this message recorded its own attempts; its record stands (what we sent is
            // covered by the receivers' dedup on the delivery id).
            DistributionLog.LogConflict(logger, deliveryId);
        }
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{14}[0-9]{24}$")] // PL_010: the CNPJ part may be alphanumeric
    private static partial Regex ChNFePattern();
}
