using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Reactions;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Lots;

/// <summary>
/// The steps of a lot, each one SEFAZ call followed by the pure <see cref="LotWorkflow"/> decision, the idempotent
/// outcome write and the lot row update (the monitor's view). Host-agnostic: the lot orchestration's activities call
/// these. Every step is safe to run again (activities are at least once): the send is write-ahead, queries are simply
/// repeated, outcome writes are idempotent.
/// </summary>
public sealed partial class LotSteps(
    TableServiceClient tables,
    LotSender sender,
    OutcomeWriter outcomes,
    PipelineQueues queues,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<LotSteps> logger)
{
    private readonly PipelineOptions _o = options.Value;

    /// <summary>
    /// Sends the lot's open documents. Write-ahead: the attempt (phase Sending, attempt number, sentAt) is recorded on
    /// the lot row with If-Match before SEFAZ is called. When the row already shows a later attempt than
    /// <paramref name="state"/> (this step ran before and died, or runs twice), SEFAZ is not called: the outcome is
    /// unknown and the lot reconciles by key. <paramref name="state"/> is null for the first send (read from the row).
    /// </summary>
    public Task<LotStep> SendAsync(string partition, string lotId, LotState? state, CancellationToken ct) =>
        SendCoreAsync(partition, lotId, state, keepOpenMarker: false, ct);

    /// <summary>
    /// The first send of a one-document lot made within the submitting HTTP request (synchronous emission), the same
    /// write-ahead send as <see cref="SendAsync"/> except that the open-lot marker is kept: until the caller deletes it
    /// (after the outcome is recorded or the lot's orchestration started), the assembler's recovery of stale lots starts
    /// the orchestration should the caller die, and the orchestration resumes from the lot row — reconciling by key,
    /// never resending blindly.
    /// </summary>
    public Task<LotStep> SendInRequestAsync(string partition, string lotId, CancellationToken ct) =>
        SendCoreAsync(partition, lotId, state: null, keepOpenMarker: true, ct);

    private async Task<LotStep> SendCoreAsync(string partition, string lotId, LotState? state, bool keepOpenMarker, CancellationToken ct)
    {
        if (state is not null && await HoldAsync(state, LotAction.Send, ct).ConfigureAwait(false) is { } later)
        {
            return later;
        }
        var record = await LoadAsync(partition, lotId, ct).ConfigureAwait(false);
        if (state is null && record.SendAttempts > 0 && Resume(record) is { } resumed)
        {
            // Sent before this orchestration ran (synchronous emission) or by an earlier run of this step: go on from
            // what the row recorded (poll the receipt, reconcile, distribute) instead of treating it as interrupted.
            return resumed;
        }
        if (state is null)
        {
            var assembled = record.ToState();
            state = LotState.New(assembled.LotId, assembled.idLote, assembled.Keys, assembled.Sync);
        }
        if (record.SendAttempts > state.SendAttempts)
        {
            return await InterruptedAsync(record, state, ct).ConfigureAwait(false);
        }
        var attempt = LotWorkflow.BeginSend(state, time.GetUtcNow());
        record.SendStartedAt ??= time.GetUtcNow();
        record.Apply(attempt, time.GetUtcNow());
        try
        {
            await WriteAheadAsync(record, first: state.SendAttempts == 0 && !keepOpenMarker, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Another run of this step recorded an attempt first: never send beside it.
            return await InterruptedAsync(await LoadAsync(partition, lotId, ct).ConfigureAwait(false), state, ct).ConfigureAwait(false);
        }
        LotEvent answer;
        using (PipelineTelemetry.StartLotStep(LotAction.Send, record))
        {
            answer = await sender.SendAsync(record, attempt, attempt.Sync, ct).ConfigureAwait(false);
        }
        return await ApplyAsync(record, attempt, answer, ct).ConfigureAwait(false);
    }

    /// <summary>Queries the receipt (NFeRetAutorizacao4) and records what it says.</summary>
    public async Task<LotStep> PollAsync(string partition, string lotId, LotState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (await HoldAsync(state, LotAction.Poll, ct).ConfigureAwait(false) is { } later)
        {
            return later;
        }
        var record = await LoadAsync(partition, lotId, ct).ConfigureAwait(false);
        record.PollStartedAt = time.GetUtcNow();
        LotEvent answer;
        using (PipelineTelemetry.StartLotStep(LotAction.Poll, record))
        {
            answer = await sender.PollAsync(record, state.nRec!, ct).ConfigureAwait(false);
        }
        return await ApplyAsync(record, state, answer, ct).ConfigureAwait(false);
    }

    /// <summary>Consults the open documents by key (NFeConsultaProtocolo4) and records their outcomes.</summary>
    public async Task<LotStep> ConsultAsync(string partition, string lotId, LotState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (await HoldAsync(state, LotAction.Consult, ct).ConfigureAwait(false) is { } later)
        {
            return later;
        }
        var record = await LoadAsync(partition, lotId, ct).ConfigureAwait(false);
        LotEvent answer;
        using (PipelineTelemetry.StartLotStep(LotAction.Consult, record))
        {
            answer = await sender.ConsultAsync(record, state.OpenKeys, ct).ConfigureAwait(false);
        }
        return await ApplyAsync(record, state, answer, ct).ConfigureAwait(false);
    }

    /// <summary>Hands the lot's documents with a final outcome to distribution (idempotent by delivery id downstream).</summary>
    public Task DistributeAsync(string partition, LotState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var final = state.Keys.Except(state.Requeued).Select(k => k.Value).ToList();
        return final.Count == 0 ? Task.CompletedTask : queues.DistributeAsync(partition, final, ct);
    }

    /// <summary>Records the attempt with If-Match; the first one also deletes the open-lot marker in the same transaction.</summary>
    private async Task WriteAheadAsync(LotRecord record, bool first, CancellationToken ct)
    {
        if (!first)
        {
            var written = await Documents.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            record.ETag = written.Headers.ETag ?? record.ETag;
            return;
        }
        var responses = await Documents.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, record.ETag),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(record.PartitionKey, OpenLotMarker.RowFor(record.RowKey)), ETag.All),
        ], ct).ConfigureAwait(false);
        record.ETag = responses.Value[0].Headers.ETag ?? record.ETag;
    }

    /// <summary>
    /// The next step of a lot whose row shows a send with an answer recorded (the phase it left): poll the receipt,
    /// consult, send again after a send that did not reach SEFAZ, or close. Null while the row shows the send itself
    /// (Sending): that one is interrupted. Waits count from when the row recorded the phase.
    /// </summary>
    private LotStep? Resume(LotRecord record)
    {
        var state = record.ToState();
        var policy = LotPolicy.For(record.tpAmb, _o.Lots);
        var now = time.GetUtcNow();
        TimeSpan Remaining(DateTimeOffset? since, TimeSpan wait) => since is { } at && at + wait > now ? at + wait - now : TimeSpan.Zero;
        (LotAction Next, TimeSpan Wait)? resume = state.Phase switch
        {
            LotPhase.AwaitingReceipt when state.nRec is not null => (LotAction.Poll, Remaining(state.SentAt, policy.MinFirstPoll)),
            LotPhase.Reconciling => (LotAction.Consult, Remaining(record.UpdatedAt, policy.MinFirstPoll)),
            LotPhase.Created => (LotAction.Send, Remaining(record.UpdatedAt, RetryWait(state.LastStatus, policy))),
            LotPhase.Closed => (LotAction.Close, TimeSpan.Zero),
            _ => null,
        };
        if (resume is not { } r)
        {
            return null;
        }
        return new LotStep(WithNotBefore(state, now, r.Wait), r.Next, LotPolicy.RealTime(r.Wait, Scale, record.tpAmb));
    }

    /// <summary>The wait the workflow set after a send that did not reach SEFAZ, from the status it recorded.</summary>
    private static TimeSpan RetryWait(string? lastStatus, LotPolicy policy) =>
        int.TryParse(lastStatus?.Split(' ')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cStat)
            ? CStatTables.Autorizacao.React(cStat) switch
            {
                CStatReaction.BlockOneHour => policy.ConsumptionBlock,
                CStatReaction.RetryAfterParalysis => policy.ParalysedRetry,
                _ => policy.TransportRetry,
            }
            : policy.TransportRetry;

    private Task<LotStep> InterruptedAsync(LotRecord record, LotState state, CancellationToken ct)
    {
        Log.LotInterrupted(logger, record.RowKey, record.SendAttempts);
        var sending = state with { Phase = LotPhase.Sending, SendAttempts = record.SendAttempts, SentAt = record.SentAt };
        return ApplyAsync(record, sending, new LotEvent.SendInterrupted(), ct);
    }

    private async Task<LotStep> ApplyAsync(LotRecord record, LotState state, LotEvent answer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decision = LotWorkflow.Decide(state, answer, now, LotPolicy.For(record.tpAmb, _o.Lots));
        if (decision.Outcomes.Count > 0)
        {
            await outcomes.WriteAsync(record, decision.Outcomes, ct).ConfigureAwait(false);
        }
        // The row is the monitor's view, not the engine's state: last writer wins.
        record.Apply(decision.State, now);
        await Documents.UpdateEntityAsync(record, ETag.All, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return new LotStep(WithNotBefore(decision.State, now, decision.Wait), decision.Next, LotPolicy.RealTime(decision.Wait, Scale, record.tpAmb));
    }

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    private async Task<LotRecord> LoadAsync(string partition, string lotId, CancellationToken ct)
    {
        var found = await Documents.GetEntityIfExistsAsync<LotRecord>(partition, lotId, cancellationToken: ct).ConfigureAwait(false);
        return found.HasValue ? found.Value! : throw new InvalidOperationException($"Lot {lotId} of {partition} does not exist.");
    }
}
