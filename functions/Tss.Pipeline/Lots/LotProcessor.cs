using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using static Tss.Pipeline.Lots.LotCommand;

namespace Tss.Pipeline.Lots;

/// <summary>
/// Runs the lot workflow against storage and SEFAZ. Order of effects per decision: document outcomes first
/// (idempotent), then timers (carrying the new timer number), then the state — written before a send (write-ahead,
/// so a crash mid-send is known to be "outcome unknown") and at the end. Queries (poll, consult) are repeated
/// rather than persisted: a crash simply repeats them.
/// </summary>
public sealed partial class LotProcessor(
    TableServiceClient tables,
    PipelineQueues queues,
    LotSender sender,
    OutcomeWriter outcomes,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<LotProcessor> logger)
{
    private readonly PipelineOptions _o = options.Value;

    /// <summary>A lot's start message (also redelivered after a crash).</summary>
    public async Task HandleAsync(LotMessage message, CancellationToken ct)
    {
        var record = await LoadAsync(message.Partition, message.LotId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return;
        }
        var state = record.ToState();
        var now = time.GetUtcNow();
        switch (state.Phase)
        {
            case LotPhase.Created when state.PendingTimer is null:
                await RunAsync(record, new LotEvent.Start(), ct).ConfigureAwait(false);
                break;
            case LotPhase.Sending when state.SentAt is { } sentAt && now - sentAt < _o.SendLease:
                // Someone may be sending right now: look again once the lease has run out.
                await queues.StartLotAtAsync(message.Partition, message.LotId, sentAt + _o.SendLease, ct).ConfigureAwait(false);
                break;
            case LotPhase.Sending:
                LogResumed(logger, message.LotId);
                await RunAsync(record, new LotEvent.Resumed(), ct).ConfigureAwait(false);
                break;
            default:
                await EnsureTimerAsync(record, state, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A lot's durable timer.</summary>
    public async Task HandleAsync(TimerMessage message, CancellationToken ct)
    {
        var record = await LoadAsync(message.Partition, message.LotId, ct).ConfigureAwait(false);
        if (record is null || record.ToState() is not { Phase: not LotPhase.Closed } state)
        {
            return;
        }
        var now = time.GetUtcNow();
        if (message.Seq > state.TimerSeq && now - message.DueAt < TimeSpan.FromMinutes(1))
        {
            // Scheduled by a decision whose state is not written yet: come back shortly.
            await queues.RetryTimerSoonAsync(message, ct).ConfigureAwait(false);
            return;
        }
        await RunAsync(record, new LotEvent.TimerFired(message.Timer, message.Seq), ct).ConfigureAwait(false);
    }

    private async Task RunAsync(LotRecord record, LotEvent first, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var state = record.ToState();
        var persisted = state;
        LotEvent? next = first;
        while (next is not null)
        {
            var now = time.GetUtcNow();
            var decision = LotWorkflow.Decide(state, next, now, _o.Lots);
            next = null;
            var resolves = decision.Commands.OfType<Resolve>().Select(r => r.Outcome).ToList();
            if (resolves.Count > 0)
            {
                await outcomes.WriteAsync(record, resolves, ct).ConfigureAwait(false);
            }
            foreach (var s in decision.Commands.OfType<Schedule>())
            {
                await queues.ScheduleAsync(new TimerMessage(record.PartitionKey, record.RowKey, s.Timer, s.Seq, s.DueAt), ct).ConfigureAwait(false);
            }
            state = decision.State;
            foreach (var command in decision.Commands)
            {
                using var span = PipelineTelemetry.StartLotCommand(command, record);
                switch (command)
                {
                    case Send send:
                        persisted = await PersistAsync(table, record, persisted, state, now, ct).ConfigureAwait(false);
                        next = await sender.SendAsync(record, state, send.indSinc, ct).ConfigureAwait(false);
                        break;
                    case Poll poll:
                        next = await sender.PollAsync(record, poll.nRec, ct).ConfigureAwait(false);
                        break;
                    case Consult consult:
                        next = await sender.ConsultAsync(record, consult.Keys, ct).ConfigureAwait(false);
                        break;
                }
            }
        }
        await PersistAsync(table, record, persisted, state, time.GetUtcNow(), ct).ConfigureAwait(false);
    }

    /// <summary>Writes the state with If-Match; a concurrent change (412) surfaces as an exception so the message is retried.</summary>
    private static async Task<LotState> PersistAsync(TableClient table, LotRecord record, LotState persisted, LotState state, DateTimeOffset now, CancellationToken ct)
    {
        if (ReferenceEquals(persisted, state) || persisted == state)
        {
            return persisted;
        }
        var leavingCreated = persisted.Phase == LotPhase.Created && state.Phase != LotPhase.Created;
        record.Apply(state, now);
        if (leavingCreated)
        {
            // The open-lot marker exists exactly while the lot is Created: remove it in the same transaction.
            var responses = await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, record.ETag),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(record.PartitionKey, OpenLotMarker.RowFor(record.RowKey)), ETag.All),
            ], ct).ConfigureAwait(false);
            record.ETag = responses.Value[0].Headers.ETag ?? record.ETag;
            return state;
        }
        var response = await table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        record.ETag = response.Headers.ETag ?? record.ETag;
        return state;
    }

    private async Task EnsureTimerAsync(LotRecord record, LotState state, CancellationToken ct)
    {
        if (state.PendingTimer is { } timer && state.DueAt is { } due)
        {
            // A redelivered start message of a lot that is waiting: its timer may have been lost in a crash.
            await queues.ScheduleAsync(new TimerMessage(record.PartitionKey, record.RowKey, timer, state.TimerSeq, due), ct).ConfigureAwait(false);
        }
    }

    private async Task<LotRecord?> LoadAsync(string partition, string lotId, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var found = await table.GetEntityIfExistsAsync<LotRecord>(partition, lotId, cancellationToken: ct).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Lot {LotId} was interrupted mid-send; reconciling by key before any resend")]
    private static partial void LogResumed(ILogger logger, string lotId);
}
