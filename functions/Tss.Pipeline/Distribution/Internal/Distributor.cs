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

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// Delivers the final outcomes of a distribute message: one signed webhook POST listing the documents, one e-mail
/// per authorized/denied document. The delivery log drives everything: the queue handler makes the first attempt of
/// each target (a target already in the log is never attempted again by a message, so redelivered and duplicate
/// messages send nothing), and a target whose attempt failed retryably is handed to <see cref="Deliveries"/>: the
/// delivery orchestration calls <see cref="AttemptAsync"/> on the retry schedule. Storage per message: one document
/// read, one log read, one log write (entity-group transaction), one blob read per e-mail; no orchestration unless an
/// attempt failed.
/// </summary>
internal sealed partial class Distributor(
    TableServiceClient tables,
    BlobServiceClient blobs,
    IDistributionTargets targets,
    WebhookClient webhook,
    MailSender mail,
    Deliveries deliveries,
    IOptions<DistributionOptions> options,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILogger<Distributor> logger) : IDeliverer
{
    private static readonly string[] DocumentColumns =
        ["PartitionKey", "RowKey", "TenantId", "Cnpj", "ErpId", "mod", "tpAmb", "Status", "cStat", "xMotivo", "nProt", "dhRecbto", "ProcBlob", "UpdatedAt", "TraceParent", "LotId", "Uf"];

    private readonly DistributionOptions _o = options.Value;
    private readonly PipelineOptions _p = pipelineOptions.Value;

    public IReadOnlyCollection<string> Kinds { get; } = [DeliveryKinds.NfeOutcome, DeliveryKinds.NfeEvent];

    /// <summary>The first attempt of every target of <paramref name="message"/> (queue handler); failed targets start their retries.</summary>
    public async Task HandleAsync(DistributeMessage message, CancellationToken ct)
    {
        var pass = message.Kind == DistributeMessage.EventKind
            ? await DeliverEventsAsync(message, null, ct).ConfigureAwait(false)
            : await DeliverOutcomesAsync(message, null, ct).ConfigureAwait(false);
        if (pass is null)
        {
            return;
        }
        // After the log write: the retry reads the log. A crash before this line leaves Retrying rows that the
        // message's redelivery finds, and it starts them then (starting twice is a no-op).
        foreach (var channel in pass.Rows.Select(r => r.Channel).Distinct().Select(Enum.Parse<DeliveryChannel>))
        {
            var step = pass.StepOf(channel, time.GetUtcNow());
            if (step.State == DeliveryState.Retrying)
            {
                var request = new DeliveryRequest(pass.Kind, message.Partition, pass.DeliveryId, channel, pass.Keys);
                await deliveries.RetryLaterAsync(request, step.Attempt, step.NextAttemptAt!.Value, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A retry attempt of one channel of a delivery (called by the delivery orchestration through <see cref="DeliveryAttempts"/>).</summary>
    public async Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new DistributeMessage(request.Partition, request.Keys, request.Kind == DeliveryKinds.NfeEvent ? DistributeMessage.EventKind : null);
        var pass = request.Kind == DeliveryKinds.NfeEvent
            ? await DeliverEventsAsync(message, request, ct).ConfigureAwait(false)
            : await DeliverOutcomesAsync(message, request, ct).ConfigureAwait(false);
        if (pass is null || pass.DeliveryId != request.DeliveryId)
        {
            // The documents changed since (a new outcome is a new delivery, with its own first attempt) or vanished.
            return await GiveUpAsync(request, "superseded", ct).ConfigureAwait(false);
        }
        return pass.StepOf(request.Channel, time.GetUtcNow());
    }

    private async Task<DeliveryPass?> DeliverOutcomesAsync(DistributeMessage message, DeliveryRequest? retry, CancellationToken ct)
    {
        var docs = await ReadFinalDocumentsAsync(message, ct).ConfigureAwait(false);
        if (docs.Count == 0)
        {
            return null;
        }
        using var spans = PipelineTelemetry.StartDistribution(docs);
        var tenantId = docs[0].TenantId;
        var cnpj = docs[0].Cnpj;
        var t = await targets.GetAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        var mailDocs = docs.Where(d => d.StatusValue is DocumentStatus.Authorized or DocumentStatus.Denied && !string.IsNullOrEmpty(d.ProcBlob)).ToList();
        var wantsMail = !string.IsNullOrWhiteSpace(t.Email) && mailDocs.Count > 0;
        if (wantsMail && !mail.Enabled)
        {
            Log.SmtpNotConfigured(logger, tenantId, cnpj);
            wantsMail = false;
        }
        var deliveryId = DeliveryIds.ForMessage(message.Partition, docs);
        if (retry is null && t.WebhookUrl is null && !wantsMail)
        {
            Log.NoTargets(logger, message.Partition, tenantId, cnpj, docs.Count);
            return null;
        }
        if (retry is not null && retry.DeliveryId != deliveryId)
        {
            return new DeliveryPass(DeliveryKinds.NfeOutcome, deliveryId, [.. docs.Select(d => d.RowKey)], []);
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
                    row ??= NewRow(message.Partition, rowKey, deliveryId, DeliveryChannel.Webhook, url.GetLeftPart(UriPartial.Path), docs.Select(d => d.RowKey), now);
                    var body = WebhookPayload.Build(deliveryId, docs, _o);
                    var result = await webhook.SendAsync(url, t.WebhookSecret, deliveryId, row.AttemptCount + 1, body, now, ct).ConfigureAwait(false);
                    Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.AfterWebhookPost);
                    Record(row, result, now);
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
            var rows = mailDocs.Select(d => (Doc: d, Row: log.GetValueOrDefault(DeliveryRecord.EmailRow(deliveryId, d.RowKey)))).ToList();
            if (wantsMail)
            {
                var due = rows
                    .Where(x => ShouldAttempt(x.Row, retry, now))
                    .Select(x => (x.Doc, Row: x.Row ?? NewRow(message.Partition, DeliveryRecord.EmailRow(deliveryId, x.Doc.RowKey), deliveryId, DeliveryChannel.Email, t.Email!.Trim(), [x.Doc.RowKey], now)))
                    .ToList();
                await SendMailsAsync(due, t.Email!, deliveryId, now, ct).ConfigureAwait(false);
                updated.AddRange(due.Select(x => x.Row));
            }
            else
            {
                updated.AddRange(rows.Select(x => GiveUpRemoved(x.Row, retry, now)).OfType<DeliveryRecord>());
            }
        }
        return await FinishPassAsync(DeliveryKinds.NfeOutcome, message.Partition, deliveryId, [.. docs.Select(d => d.RowKey)], log, updated, ct).ConfigureAwait(false);
    }

    /// <summary>Writes the attempts made and returns every log row of the delivery as it now stands.</summary>
    private async Task<DeliveryPass> FinishPassAsync(
        string kind, string partition, string deliveryId, IReadOnlyList<string> keys, Dictionary<string, DeliveryRecord> log, List<DeliveryRecord> updated, CancellationToken ct)
    {
        if (updated.Count == 0)
        {
            Log.NothingDue(logger, partition, deliveryId);
        }
        else
        {
            await WriteLogAsync(deliveryId, updated, ct).ConfigureAwait(false);
        }
        foreach (var row in updated)
        {
            log[row.RowKey] = row;
        }
        return new DeliveryPass(kind, deliveryId, keys, [.. log.Values]);
    }

    private static bool Wants(DeliveryRequest? retry, DeliveryChannel channel) => retry is null || retry.Channel == channel;

    /// <summary>
    /// A message makes the first attempt of targets not in the log yet; a retry attempts the rows of its channel that
    /// are still retrying and due (an activity run again after its attempt was recorded finds it not due).
    /// </summary>
    private static bool ShouldAttempt(DeliveryRecord? row, DeliveryRequest? retry, DateTimeOffset now) =>
        retry is null ? row is null : row is not null && row.IsDue(now);

    /// <summary>A retry whose target was removed by the tenant since the first attempt ends there.</summary>
    private DeliveryRecord? GiveUpRemoved(DeliveryRecord? row, DeliveryRequest? retry, DateTimeOffset now)
    {
        if (retry is null || row is null || row.StateValue != DeliveryState.Retrying)
        {
            return null;
        }
        Record(row, AttemptResult.Fatal(null, "target_removed", 0), now);
        return row;
    }

    /// <summary>Ends the retrying rows of a retry's channel without a call (the delivery it retries no longer exists).</summary>
    private async Task<DeliveryStep> GiveUpAsync(DeliveryRequest request, string error, CancellationToken ct)
    {
        var log = await ReadLogAsync(request.Partition, request.DeliveryId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var rows = log.Values.Where(r => r.Channel == request.Channel.ToString() && r.StateValue == DeliveryState.Retrying).ToList();
        foreach (var row in rows)
        {
            Record(row, AttemptResult.Fatal(null, error, 0), now);
        }
        if (rows.Count > 0)
        {
            await WriteLogAsync(request.DeliveryId, rows, ct).ConfigureAwait(false);
        }
        return DeliveryStep.Finished(DeliveryState.GivenUp, log.Values.Select(r => r.AttemptCount).DefaultIfEmpty(0).Max());
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
            Log.InvalidEmail(logger, due[0].Doc.TenantId, due[0].Doc.Cnpj);
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
            Log.DanfeFailed(logger, doc.RowKey, (e as Tss.Danfe.DanfeException)?.Code ?? e.GetType().Name);
            return null;
        }
    }

    private void Record(DeliveryRecord row, AttemptResult result, DateTimeOffset at)
    {
        var attempt = row.AttemptCount + 1;
        var (state, next) = RetryPlan.After(attempt, result, at, _o.EffectiveRetrySchedule);
        row.Add(new DeliveryAttempt(attempt, at, result.StatusCode, result.Error, result.DurationMs), state, next);
        var channel = Enum.Parse<DeliveryChannel>(row.Channel);
        Log.Attempted(logger, row.DeliveryId, channel, row.Target, attempt, state, result.DurationMs, result.Error);
        if (state == DeliveryState.GivenUp)
        {
            Log.GivenUp(logger, row.DeliveryId, channel, row.Target, attempt, result.Error);
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
            Log.LogConflict(logger, deliveryId);
        }
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{14}[0-9]{24}$")] // PL_010: the CNPJ part may be alphanumeric
    private static partial Regex ChNFePattern();
}
