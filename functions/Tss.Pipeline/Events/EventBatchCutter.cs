using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tss.Pipeline.Events;

/// <summary>
/// Cuts a documents partition's waiting events into batches of up to <see cref="EventsOptions.MaxPerBatch"/> (oldest
/// first, one event per document, and none of a document that has an event in an open batch, so sequences stay in
/// order). A cut is one entity-group transaction setting the batch id on its events with If-Match, so an event is in
/// at most one batch whatever runs concurrently; then the batch's orchestration is started. A batch whose events have
/// not changed for a minute of real time may have lost its start: it is started again (a no-op while it runs).
/// Sending, outcomes, reconciliation, waits and distribution are the orchestration's.
/// </summary>
public sealed partial class EventBatchCutter(
    TableServiceClient tables,
    IEventBatchStarter starter,
    IOptions<PipelineOptions> options,
    IOptions<EventsOptions> eventOptions,
    TimeProvider time,
    ILogger<EventBatchCutter> logger)
{
    /// <summary>Real time (durable timers and starts run on it, not on the pipeline clock).</summary>
    internal static readonly TimeSpan StaleBatch = TimeSpan.FromMinutes(1);

    private TableClient Documents => tables.GetTableClient(options.Value.DocumentsTable);

    public async Task HandleAsync(EventMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var open = await OpenEventsAsync(Documents, message.Partition, ct).ConfigureAwait(false);
        var realNow = TimeProvider.System.GetUtcNow();
        foreach (var batch in open.Where(e => e.BatchId is not null).GroupBy(e => e.BatchId!, StringComparer.Ordinal))
        {
            // Timestamp is the storage server's (real) time of the row's last change.
            if (batch.Max(e => e.Timestamp ?? realNow) < realNow - StaleBatch)
            {
                Log.EventRestart(logger, batch.Key, message.Partition);
                await starter.StartAsync(message.Partition, batch.Key, ct).ConfigureAwait(false);
            }
        }

        var busy = open.Where(e => e.BatchId is not null).Select(e => e.chNFe).ToHashSet(StringComparer.Ordinal);
        var waiting = open.Where(e => e.BatchId is null && e.StatusValue == EventStatus.Pending && !busy.Contains(e.chNFe))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.RowKey, StringComparer.Ordinal)
            .GroupBy(e => e.chNFe, StringComparer.Ordinal).Select(g => g.First()) // the next sequence waits for this one's answer
            .ToList();
        foreach (var batch in waiting.Chunk(eventOptions.Value.MaxPerBatch))
        {
            await CutAsync(message.Partition, batch, ct).ConfigureAwait(false);
        }
    }

    private async Task CutAsync(string partition, EventRecord[] batch, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batchId = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")[..30];
        foreach (var e in batch)
        {
            e.BatchId = batchId;
            e.BatchSend = 0;
            e.UpdatedAt = now;
        }
        try
        {
            await Documents.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)), ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            Log.EventClaimLost(logger, partition); // another cutter claimed some of them first (or a request replaced one)
            return;
        }
        await starter.StartAsync(partition, batchId, ct).ConfigureAwait(false);
        Log.EventCut(logger, batchId, partition, batch.Length);
    }

    /// <summary>The partition's unanswered events (Pending or Sending): one row-key range with a filter.</summary>
    internal static async Task<List<EventRecord>> OpenEventsAsync(TableClient documents, string partition, CancellationToken ct, string? batchId = null)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {EventRecord.RowPrefix} and RowKey lt {"evt}"} and (Status eq {nameof(EventStatus.Pending)} or Status eq {nameof(EventStatus.Sending)})");
        if (batchId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"BatchId eq {batchId}");
        }
        var list = new List<EventRecord>();
        await foreach (var e in documents.QueryAsync<EventRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(e);
        }
        return list;
    }
}
