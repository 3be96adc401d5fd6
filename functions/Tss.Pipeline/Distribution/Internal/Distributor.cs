using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Runtime.Tables;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The one delivery pipeline, for every <see cref="DeliveryType"/>: the type's <see cref="IDeliverySource"/> reads the
/// items, then one signed webhook POST lists them (<see cref="WebhookPayload"/>) and one e-mail goes per item that has
/// mail. The delivery log drives everything: a dispatch (queue handler, MD-e notification) makes the first attempt of
/// each target (a target already in the log is never attempted again by a dispatch, so redelivered and duplicate
/// messages send nothing), and a target whose attempt failed retryably is handed to <see cref="Deliveries"/>: the
/// delivery orchestration calls <see cref="AttemptAsync"/> on the one retry schedule (<see cref="RetryPlan"/>).
/// Storage per dispatch: the source's reads, one log read, one log write (entity-group transaction), one blob read per
/// e-mail; no orchestration unless an attempt failed.
/// </summary>
internal sealed partial class Distributor(
    TableServiceClient tables,
    BlobServiceClient blobs,
    IEnumerable<IDeliverySource> sources,
    IDistributionTargets targets,
    WebhookClient webhook,
    MailSender mail,
    Deliveries deliveries,
    IOptions<DistributionOptions> options,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILogger<Distributor> logger) : IDeliverer, IDeliveryDispatcher
{
    // A feature registered twice registers its source twice: the first one stands.
    private readonly Dictionary<DeliveryType, IDeliverySource> _sources = sources.DistinctBy(s => s.Type).ToDictionary(s => s.Type);
    private readonly DistributionOptions _o = options.Value;
    private readonly PipelineOptions _p = pipelineOptions.Value;

    /// <summary>The distribute queue's message: the first attempt of every target of its items.</summary>
    public Task HandleAsync(DistributeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return DispatchAsync(message.Type, message.Partition, message.Keys, ct);
    }

    /// <summary>The first attempt of every target of these items; failed targets start their retries.</summary>
    public async Task<bool> DispatchAsync(DeliveryType type, string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var batch = await Source(type).ReadAsync(partition, keys, ct).ConfigureAwait(false);
        if (batch is null)
        {
            return false;
        }
        var pass = await DeliverAsync(type, partition, batch, null, ct).ConfigureAwait(false);
        if (pass is null)
        {
            return true;
        }
        // After the log write: the retry reads the log. A crash before this line leaves Retrying rows that the
        // message's redelivery finds, and it starts them then (starting twice is a no-op).
        foreach (var channel in pass.Rows.Select(r => r.Channel).Distinct().Select(Enum.Parse<DeliveryChannel>))
        {
            var step = pass.StepOf(channel, time.GetUtcNow());
            if (step.State == DeliveryState.Retrying)
            {
                var request = new DeliveryRequest(type, partition, pass.DeliveryId, channel, pass.Keys);
                await deliveries.RetryLaterAsync(request, step.Attempt, step.NextAttemptAt!.Value, ct).ConfigureAwait(false);
            }
        }
        return true;
    }

    /// <summary>A retry attempt of one channel of a delivery (called by the delivery orchestration through <see cref="DeliveryAttempts"/>).</summary>
    public async Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var batch = await Source(request.Type).ReadAsync(request.Partition, request.Keys, ct).ConfigureAwait(false);
        if (batch is null || batch.DeliveryId != request.DeliveryId)
        {
            // The items changed since (a new outcome is a new delivery, with its own first attempt) or vanished.
            return await GiveUpAsync(request, "superseded", ct).ConfigureAwait(false);
        }
        var pass = await DeliverAsync(request.Type, request.Partition, batch, request, ct).ConfigureAwait(false);
        return pass!.StepOf(request.Channel, time.GetUtcNow());
    }

    private IDeliverySource Source(DeliveryType type) =>
        _sources.TryGetValue(type, out var source) ? source
            : throw new InvalidOperationException($"No delivery source for {type}: the feature that delivers it is not registered in this host.");

    /// <summary>
    /// One pass over a delivery's targets: the first attempt of targets not in the log (<paramref name="retry"/> null),
    /// or the due rows of the retry's channel. Null when a first pass finds no target at all.
    /// </summary>
    private async Task<DeliveryPass?> DeliverAsync(DeliveryType type, string partition, DeliveryBatch batch, DeliveryRequest? retry, CancellationToken ct)
    {
        var documents = batch.Items.OfType<DocumentOutcomeItem>().Select(i => i.Document).ToList();
        using var spans = documents.Count > 0 ? PipelineTelemetry.StartDistribution(documents) : null;
        var t = await targets.GetAsync(batch.TenantId, batch.Cnpj, ct).ConfigureAwait(false);
        var mailItems = batch.Items.OfType<MailedDeliveryItem>().Where(i => i.HasMail).ToList();
        var wantsMail = !string.IsNullOrWhiteSpace(t.Email) && mailItems.Count > 0;
        if (wantsMail && !mail.Enabled)
        {
            Log.SmtpNotConfigured(logger, batch.TenantId, batch.Cnpj);
            wantsMail = false;
        }
        if (retry is null && t.WebhookUrl is null && !wantsMail)
        {
            Log.NoTargets(logger, partition, batch.TenantId, batch.Cnpj, batch.Items.Count);
            return null;
        }

        var deliveryId = batch.DeliveryId;
        List<string> keys = [.. batch.Items.Select(i => i.Key)];
        var log = await ReadLogAsync(partition, deliveryId, ct).ConfigureAwait(false);
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
                    row ??= NewRow(partition, rowKey, deliveryId, DeliveryChannel.Webhook, url.GetLeftPart(UriPartial.Path), keys, now);
                    var body = WebhookPayload.Build(type, batch, _o.PublicBaseUrl);
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
            var rows = mailItems.Select(i => (Item: i, Row: log.GetValueOrDefault(DeliveryRecord.EmailRow(deliveryId, i.MailRow)))).ToList();
            if (wantsMail)
            {
                var due = rows
                    .Where(x => ShouldAttempt(x.Row, retry, now))
                    .Select(x => (x.Item, Row: x.Row ?? NewRow(partition, DeliveryRecord.EmailRow(deliveryId, x.Item.MailRow), deliveryId, DeliveryChannel.Email, t.Email!.Trim(), [x.Item.Key], now)))
                    .ToList();
                await SendMailsAsync(due, batch, t.Email!, now, ct).ConfigureAwait(false);
                updated.AddRange(due.Select(x => x.Row));
            }
            else
            {
                updated.AddRange(rows.Select(x => GiveUpRemoved(x.Row, retry, now)).OfType<DeliveryRecord>());
            }
        }
        return await FinishPassAsync(partition, deliveryId, keys, log, updated, ct).ConfigureAwait(false);
    }

    /// <summary>Writes the attempts made and returns every log row of the delivery as it now stands.</summary>
    private async Task<DeliveryPass> FinishPassAsync(
        string partition, string deliveryId, IReadOnlyList<string> keys, Dictionary<string, DeliveryRecord> log, List<DeliveryRecord> updated, CancellationToken ct)
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
        return new DeliveryPass(deliveryId, keys, [.. log.Values]);
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
}
