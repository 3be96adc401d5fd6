using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Offline;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Sync;

/// <summary>
/// Synchronous emission (indSinc=1) answered within the submitting request: NFC-e always, a single NF-e when sync is
/// asked. Each such document is ingested as any other, then — instead of waiting for the assembler — claimed by this
/// request into a one-document lot (same lot row, open-lot marker and marker deletion as the assembler, credit debited
/// by the same idempotent key), sent through the lot's own write-ahead step and its answer recorded by the same
/// <see cref="OutcomeWriter"/>, so queries, distribution and reconciliation see a normal lot. Only an unknown outcome
/// hands the lot to its orchestration, which resumes at the poll or reconcile step (never a blind resend).
/// </summary>
/// <remarks>
/// Crash safety: the open-lot marker stays until the outcome is recorded or the orchestration started, and the ingest
/// queues a delayed recovery check of the document (<see cref="RecoverAsync"/>) — not an assembly of the partition,
/// which would claim other requests' documents between their ingest and their claim. If this request dies anywhere
/// in between, the check starts the lot's orchestration, which reads the row: an attempt recorded without an answer
/// is reconciled by key (NFeConsultaProtocolo4), a recorded answer is continued; a document never claimed is assembled.
/// </remarks>
public sealed partial class SyncEmission(
    TableServiceClient tables,
    IngestService ingest,
    LotSteps steps,
    ILotStarter starter,
    PipelineQueues queues,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<SyncEmission> logger,
    CreditCheck? credits = null,
    OfflineEmission? offline = null)
{
    /// <summary>When the safety net checks a held document: past the SEFAZ client's timeouts (10 s connect + 60 s read).</summary>
    private static readonly TimeSpan RecoveryAfter = TimeSpan.FromSeconds(90);

    private readonly PipelineOptions _o = options.Value;

    /// <summary>
    /// Ingests <paramref name="items"/>; when the request holds at most <see cref="PipelineOptions.MaxSyncDocumentsPerRequest"/>
    /// documents, each NFC-e (and a lone NF-e with <paramref name="sync"/>) is then sent in turn within the call and its
    /// result carries <see cref="IngestedDocument.Sefaz"/>. Everything else is queued for lots as before.
    /// </summary>
    public async Task<IReadOnlyList<IngestedDocument>> SubmitAsync(EntityInfo entity, IReadOnlyList<IngestItem> items, bool sync, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(items);
        if (offline is not null)
        {
            // The model-65 authorizer in contingency: NFC-e are issued off-line (tpEmis 9) at once.
            items = await offline.ApplyPolicyAsync(entity, items, ct).ConfigureAwait(false);
        }
        if (items.Count > _o.MaxSyncDocumentsPerRequest)
        {
            return await WithOfflineAsync(await ingest.SubmitAsync(entity, items, sync, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        var single = items.Count == 1;
        // An off-line NFC-e is already issued: it is not sent within the request but queued for its lot, which transmits
        // it to the normal authorizer (retrying while that one is down).
        bool InRequest(DocumentRecord d) => (d.mod == 65 && d.OfflineTransmitBy is null) || (single && d.SyncRequested);
        var scale = time is ScaledTimeProvider { Scale: > 0 } scaled ? scaled.Scale : 1;
        var hold = new IngestHold(InRequest, LotPolicy.RealTime(RecoveryAfter, scale, entity.tpAmb));
        var results = (await ingest.SubmitAsync(entity, items, sync, hold, ct).ConfigureAwait(false)).ToArray();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Stored is not { } doc || !InRequest(doc))
            {
                continue;
            }
            results[i] = doc.StatusValue == DocumentStatus.Pending
                ? await EmitAsync(doc, results[i], ct).ConfigureAwait(false)
                : results[i] with { Sefaz = Answer(doc) }; // submitted before: its current state
        }
        return await WithOfflineAsync(results, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the off-line state to each accepted off-line NFC-e (tpEmis 9) of the answer, and queues its near-limit alert
    /// for dhEmi + <see cref="PipelineOptions.OfflineAlertAfter"/> (a delayed distribute message; it alerts only if the
    /// NFC-e is still waiting then, and once: the delivery id is the key's).
    /// </summary>
    private async Task<IReadOnlyList<IngestedDocument>> WithOfflineAsync(IReadOnlyList<IngestedDocument> results, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var scale = time is ScaledTimeProvider { Scale: > 0 } scaled ? scaled.Scale : 1;
        foreach (var d in results.Select(r => r.Stored).OfType<DocumentRecord>())
        {
            if (d.OfflineTransmitBy is { } by && OfflineAlertDelay(d, by, now) is { } delay)
            {
                await queues.AlertOfflineLaterAsync(d.PartitionKey, d.RowKey, delay / scale, ct).ConfigureAwait(false);
            }
        }
        return [.. results.Select(r => r.Stored is { OfflineTransmitBy: { } by } d
            ? Offline(r, d, by, now)
            : r)];
    }

    /// <summary>How long (pipeline clock) until the alert of a still-waiting off-line NFC-e is due; null once it is no longer waiting.</summary>
    private TimeSpan? OfflineAlertDelay(DocumentRecord d, DateTimeOffset by, DateTimeOffset now)
    {
        if (d.StatusValue is not (DocumentStatus.Pending or DocumentStatus.InLot or DocumentStatus.AwaitingCredits))
        {
            return null;
        }
        var due = (d.OfflineIssuedAt ?? by - NfceOffline.TransmitWithin) + _o.OfflineAlertAfter;
        return due > now ? due - now : TimeSpan.Zero;
    }

    private IngestedDocument Offline(IngestedDocument r, DocumentRecord d, DateTimeOffset by, DateTimeOffset now)
    {
        Log.OfflineIssued(logger, d.RowKey, by);
        return r with { Offline = NfceOffline.StateOf(d, now) };
    }

    /// <summary>
    /// The delayed safety net of a document held by its request: when the request left its lot open (the open-lot
    /// marker is still there) the lot's orchestration is started (a no-op if it runs); when it never claimed the
    /// document (its pending marker is still there) the partition is assembled. Otherwise nothing.
    /// </summary>
    public async Task RecoverAsync(string partition, string chNFe, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var found = await table.GetEntityIfExistsAsync<DocumentRecord>(partition, chNFe, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } doc)
        {
            return;
        }
        if (doc.LotId is { Length: > 0 } lotId)
        {
            var open = await table.GetEntityIfExistsAsync<TableEntity>(partition, OpenLotMarker.RowFor(lotId), ["RowKey"], ct).ConfigureAwait(false);
            if (open.HasValue)
            {
                Log.SyncRecovered(logger, chNFe, lotId);
                await starter.StartAsync(partition, lotId, ct).ConfigureAwait(false);
            }
            return;
        }
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(partition, PendingMarker.RowFor(doc.Key), ["RowKey"], ct).ConfigureAwait(false);
        if (marker.HasValue)
        {
            Log.SyncRecovered(logger, chNFe, "(not claimed)");
            await queues.AssembleAsync(partition, ct).ConfigureAwait(false);
        }
    }

    private async Task<IngestedDocument> EmitAsync(DocumentRecord doc, IngestedDocument result, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var partition = doc.PartitionKey;
        var found = await table.GetEntityIfExistsAsync<PendingMarker>(partition, PendingMarker.RowFor(doc.Key), cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null)
        {
            return await CurrentAsync(table, doc, result, ct).ConfigureAwait(false); // a lot claimed it meanwhile
        }
        List<PendingMarker> admitted = [found.Value];
        if (credits is not null)
        {
            // The assembler's own credit step: debited once per send identity (key + digest), whoever claims the document.
            admitted = await credits.AdmitAsync(table, partition, admitted, ct).ConfigureAwait(false);
            if (admitted.Count == 0)
            {
                return await CurrentAsync(table, doc, result, ct).ConfigureAwait(false); // AwaitingCredits: goes on after a top-up
            }
        }
        var marker = admitted[0];
        var lot = await ClaimAsync(table, doc, marker, ct).ConfigureAwait(false);
        if (lot is null)
        {
            return await CurrentAsync(table, doc, result, ct).ConfigureAwait(false);
        }

        var step = await steps.SendInRequestAsync(partition, lot.RowKey, ct).ConfigureAwait(false);
        if (step.Next == LotAction.Close)
        {
            await steps.DistributeAsync(partition, step.State, ct).ConfigureAwait(false);
        }
        else
        {
            // Unknown outcome (or a send that did not reach SEFAZ): the lot's orchestration takes over from the row.
            Log.SyncHandedOver(logger, doc.RowKey, lot.RowKey, step.State.LastStatus);
            await starter.StartAsync(partition, lot.RowKey, ct).ConfigureAwait(false);
        }
        try
        {
            await table.DeleteEntityAsync(partition, OpenLotMarker.RowFor(lot.RowKey), ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: the assembler's recovery started the orchestration, whose first step deletes it.
        }
        Log.SyncEmitted(logger, doc.RowKey, lot.idLote, step.State.LastStatus);
        return await CurrentAsync(table, doc, result, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// One entity-group transaction, as the assembler's: the lot row (indSinc=1), its open-lot marker, the pending
    /// marker's deletion with If-Match (the claim) and the document shown in the lot. Null when another claim won.
    /// </summary>
    private async Task<LotRecord?> ClaimAsync(TableClient table, DocumentRecord doc, PendingMarker marker, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var idLote = IdLote.Next(now);
        var lot = new LotRecord
        {
            PartitionKey = doc.PartitionKey,
            RowKey = LotRecord.RowPrefix + idLote.ToString(CultureInfo.InvariantCulture),
            TenantId = doc.TenantId,
            Cnpj = doc.Cnpj,
            Uf = doc.Uf,
            mod = doc.mod,
            tpAmb = doc.tpAmb,
            idLote = idLote,
            CreatedAt = now,
            DocumentTraceParents = doc.TraceParent,
        };
        lot.Apply(LotState.New(lot.RowKey, idLote, [doc.Key], sync: true), now);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, lot),
                new TableTransactionAction(TableTransactionActionType.Add, new OpenLotMarker { PartitionKey = lot.PartitionKey, RowKey = OpenLotMarker.RowFor(lot.RowKey), CreatedAt = now }),
                new TableTransactionAction(TableTransactionActionType.Delete, marker, marker.ETag),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(doc.PartitionKey, doc.RowKey) { ["Status"] = nameof(DocumentStatus.InLot), ["LotId"] = lot.RowKey, ["UpdatedAt"] = now }, ETag.All),
            ], ct).ConfigureAwait(false);
            return lot;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            Log.SyncClaimLost(logger, doc.RowKey);
            return null;
        }
    }

    /// <summary>The document as stored now: its status and, when final, SEFAZ's answer.</summary>
    private static async Task<IngestedDocument> CurrentAsync(TableClient table, DocumentRecord doc, IngestedDocument result, CancellationToken ct)
    {
        var found = await table.GetEntityIfExistsAsync<DocumentRecord>(doc.PartitionKey, doc.RowKey, cancellationToken: ct).ConfigureAwait(false);
        var current = found.HasValue && found.Value is { } d ? d : doc;
        return result with { Status = current.Status, Sefaz = Answer(current), Stored = current };
    }

    private static SyncAnswer Answer(DocumentRecord d) => d.StatusValue switch
    {
        DocumentStatus.Authorized or DocumentStatus.Denied or DocumentStatus.Rejected or DocumentStatus.Cancelled =>
            new SyncAnswer(Processing: false, d.cStat, d.xMotivo, d.nProt, d.dhRecbto, d.ProcBlob is not null),
        _ => new SyncAnswer(Processing: true, null, null, null, null, HasProcNFe: false),
    };
}
