using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;

namespace Tss.Pipeline.Lots;

/// <summary>
/// Records documents' outcomes: procNFe blob (schema-checked), document entity (one entity-group transaction per
/// lot), then re-assembly of re-queued documents (the lot distributes its final ones when it closes). Idempotent:
/// writing the same outcome twice stores the same blob and the same entity.
/// </summary>
public sealed partial class OutcomeWriter(
    TableServiceClient tables,
    BlobServiceClient blobs,
    PipelineQueues queues,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<OutcomeWriter> logger)
{
    private readonly PipelineOptions _o = options.Value;

    public async Task WriteAsync(LotRecord lot, IReadOnlyList<DocumentOutcome> outcomes, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var docs = await DocumentReader.ReadAsync(table, lot.PartitionKey, outcomes.Select(o => o.Key).ToList(), ct).ConfigureAwait(false);
        using var spans = PipelineTelemetry.StartOutcomes(lot, docs.Values);
        var now = time.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        var requeue = false;
        var procs = new List<Task>();
        foreach (var outcome in outcomes)
        {
            if (!docs.TryGetValue(outcome.Key, out var doc))
            {
                continue;
            }
            if (RecordedBefore(doc, lot))
            {
                continue; // a replay after a crash: the outcome is stored
            }
            if (!doc.BelongsTo(lot.RowKey))
            {
                continue; // released from this lot, or someone else's
            }
            TableEntity update;
            switch (outcome)
            {
                case DocumentOutcome.Authorized a when a.FromConsult && a.Prot.digVal is { } dv && dv != doc.DigestValue:
                    update = Final(lot, doc, DocumentEvent.Rejected, 539, $"Rejeição: Duplicidade de NF-e com diferença de conteúdo: a SEFAZ autorizou esta chave com outro digest (nProt {a.Prot.nProt}).", now);
                    break;
                case DocumentOutcome.Authorized a:
                    update = Final(lot, doc, DocumentEvent.Authorized, a.Prot.cStat, a.Prot.xMotivo, now);
                    procs.Add(StoreProcAsync(doc, a.Prot, update, ct));
                    break;
                case DocumentOutcome.Denied d:
                    update = Final(lot, doc, DocumentEvent.Denied, d.Prot.cStat, d.Prot.xMotivo, now);
                    procs.Add(StoreProcAsync(doc, d.Prot, update, ct));
                    break;
                case DocumentOutcome.Rejected r:
                    update = Final(lot, doc, DocumentEvent.Rejected, r.cStat, r.xMotivo, now);
                    break;
                case DocumentOutcome.Requeued:
                    update = DocumentUpdate.Outcome(doc, lot.RowKey, DocumentEvent.Requeued, null, null,
                        InLotLine(lot) + $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} Pending (not in SEFAZ's base after reconciliation)\n", now);
                    PipelineTelemetry.Transition(DocumentStatus.Pending, doc.Uf, doc.mod, null);
                    // Queued again atomically with the status: the marker goes in the same transaction.
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, PendingMarker.For(doc)));
                    requeue = true;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown document outcome {outcome.GetType().Name}.");
            }
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, doc.ETag));
        }
        // The procNFe blobs (one per document, uploaded concurrently) are stored before the entities point at them.
        await Task.WhenAll(procs).ConfigureAwait(false);
        foreach (var chunk in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);
            Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.BetweenOutcomes);
        }
        if (requeue)
        {
            await queues.AssembleAsync(lot.PartitionKey, ct).ConfigureAwait(false);
        }
    }

    private async Task StoreProcAsync(DocumentRecord doc, ProtNFe prot, TableEntity update, CancellationToken ct)
    {
        var signed = doc.SignedXml ?? (await blobs.GetBlobContainerClient(_o.SignedContainer).GetBlobClient(doc.SignedBlob)
            .DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString();
        var proc = ProcNFe.Build(signed, prot.Xml);
        var check = NfeSchemas.Shared.Validate(proc, "procNFe_v4.00.xsd");
        if (!check.IsValid)
        {
            // SEFAZ's authorization is a fact whatever our schema says; keep it and make the mismatch visible.
            Log.LotProcInvalid(logger, doc.RowKey, check.Errors[0].Message);
        }
        var name = ProcNFe.BlobName(doc.PartitionKey, doc.Key);
        await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(name).UploadAsync(BinaryData.FromString(proc), overwrite: true, ct).ConfigureAwait(false);
        DocumentUpdate.SetProtocol(update, name, prot.nProt, prot.dhRecbto);
    }

    private static TableEntity Final(LotRecord lot, DocumentRecord doc, DocumentEvent e, int cStat, string xMotivo, DateTimeOffset now)
    {
        var status = DocumentLifecycle.Apply(doc.StatusValue, e);
        var update = DocumentUpdate.Outcome(doc, lot.RowKey, e, cStat, xMotivo, InLotLine(lot) + $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {status} {cStat}\n", now);
        PipelineTelemetry.Transition(status, doc.Uf, doc.mod, cStat);
        return update;
    }

    /// <summary>The outcome of <paramref name="lot"/> for this document is already stored (final in this lot).</summary>
    private static bool RecordedBefore(DocumentRecord doc, LotRecord lot) => doc.StatusValue switch
    {
        DocumentStatus.Authorized or DocumentStatus.Denied or DocumentStatus.Cancelled => doc.LotId == lot.RowKey,
        DocumentStatus.Rejected => doc.ReleasedFrom == lot.RowKey,
        _ => false,
    };

    /// <summary>The history line of the lot the document went in (written with its outcome, to save a read at claim time).</summary>
    private static string InLotLine(LotRecord lot) => $"{lot.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} InLot {lot.idLote}\n";
}
