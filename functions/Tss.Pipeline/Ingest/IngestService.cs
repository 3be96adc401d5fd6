using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Protocol.Signing;

namespace Tss.Pipeline.Ingest;

/// <summary>
/// Accepts NF-e from an ERP: validates each one (key, emitter, environment, schema), signs it with the entity's
/// certificate, stores it (one entity-group transaction per partition) and asks for lot assembly. A document refused
/// here is never sent and never debited. Resubmitting a key that is pending, in a lot or final returns its status
/// without sending it again; a rejected one is replaced (the ERP corrected it).
/// </summary>
public sealed partial class IngestService(
    TableServiceClient tables,
    BlobServiceClient blobs,
    PipelineQueues queues,
    IEntityDirectory entities,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestService> logger,
    ContingencyService? contingency = null,
    Epec.IEpecStarter? epec = null)
{
    private readonly PipelineOptions _o = options.Value;
    private readonly ConcurrentDictionary<string, XmlDsigSigner> _signers = new();

    public Task<IReadOnlyList<IngestedDocument>> SubmitAsync(EntityInfo entity, IReadOnlyList<IngestItem> items, bool sync, CancellationToken ct) =>
        SubmitAsync(entity, items, sync, hold: null, ct);

    /// <summary>
    /// As <see cref="SubmitAsync(EntityInfo, IReadOnlyList{IngestItem}, bool, CancellationToken)"/>, except that a
    /// partition whose stored documents are all held by <paramref name="hold"/> (the caller sends them itself, within
    /// the request) is not assembled; each held document gets a delayed recovery check instead, the safety net if the
    /// caller dies.
    /// </summary>
    internal async Task<IReadOnlyList<IngestedDocument>> SubmitAsync(EntityInfo entity, IReadOnlyList<IngestItem> items, bool sync, IngestHold? hold, CancellationToken ct)
    {
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        var signer = SignerFor(cert);
        var now = time.GetUtcNow();
        var results = new IngestedDocument[items.Count];
        var accepted = new List<Stored>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mode = await ContingencyAsync(contingency, entity, ct).ConfigureAwait(false);
        var documents = tables.GetTableClient(_o.DocumentsTable);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, itemMode) = await ForItemAsync(documents, items[i], entity, mode, ct).ConfigureAwait(false);
            using var span = PipelineTelemetry.StartIngest();
            var outcome = DocumentPreparation.Prepare(item, entity, signer, sync, now, itemMode);
            PipelineTelemetry.Ingested(span, outcome.Record, outcome.Refusal?.ErrorCode);
            if (outcome.Record is { } record && !seen.Add(record.RowKey))
            {
                outcome = new(null, new IngestedDocument(i, record.RowKey, items[i].ErpId, null, PipelineErrorCodes.Ingest.InFlight, "A mesma chave de acesso aparece mais de uma vez nesta requisição."));
            }
            if (outcome.Record is { } ok)
            {
                if (ok.SignedBlob is not null)
                {
                    // Too large for a table property: the signed XML goes to a blob first, the entity points at it.
                    await blobs.GetBlobContainerClient(_o.SignedContainer).GetBlobClient(ok.SignedBlob)
                        .UploadAsync(BinaryData.FromString(outcome.Signed!), overwrite: true, ct).ConfigureAwait(false);
                }
                accepted.Add(new Stored(i, ok, NumberRecord.For(ok, outcome.Fingerprint ?? "")));
            }
            else
            {
                results[i] = outcome.Refusal! with { Index = i };
            }
        }

        foreach (var partition in accepted.GroupBy(a => a.Record.PartitionKey))
        {
            // Each document is three rows (document, pending marker, number) and a transaction holds at most 100.
            foreach (var chunk in partition.Chunk(33))
            {
                await StoreAsync(documents, chunk, results, ct).ConfigureAwait(false);
            }
            await StartEpecsAsync(partition.Select(a => (a.Index, a.Record)), results, ct).ConfigureAwait(false);
            List<Stored> held = hold is null ? [] : [.. partition.Where(a => hold.Holds(a.Record))];
            foreach (var record in held.Select(h => h.Record))
            {
                // Never an assembly of the partition: it would claim other requests' held documents under their feet.
                await queues.RecoverSyncLaterAsync(partition.Key, record.RowKey, hold!.RecoveryDelay, ct).ConfigureAwait(false);
            }
            if (held.Count < partition.Count())
            {
                await queues.AssembleAsync(partition.Key, ct).ConfigureAwait(false);
            }
        }
        // The stored document: another key when the number was already taken by the same document (re-keyed in contingency).
        await IndexErpIdsAsync(entity, accepted.Select(a => results[a.Index].Stored ?? a.Record)
            .Where(r => r.ErpId is not null && r.Status == nameof(DocumentStatus.Pending)).DistinctBy(r => r.RowKey), ct).ConfigureAwait(false);
        Log.Ingested(logger, entity.TenantId, entity.Cnpj, accepted.Count, items.Count - accepted.Count);
        return results;
    }

    private XmlDsigSigner SignerFor(X509Certificate2 cert) => _signers.GetOrAdd(cert.Thumbprint, _ => new XmlDsigSigner(cert));

    private static async Task StoreAsync(TableClient documents, Stored[] chunk, IngestedDocument[] results, CancellationToken ct)
    {
        try
        {
            await documents.SubmitTransactionAsync(chunk.SelectMany(c => Rows(c.Record, new TableTransactionAction(TableTransactionActionType.Add, c.Number))), ct).ConfigureAwait(false);
            foreach (var c in chunk)
            {
                results[c.Index] = Accepted(c.Index, c.Record, c.Record.Status);
            }
        }
        catch (TableTransactionFailedException)
        {
            // Some key (or number) already exists: decide document by document.
            foreach (var c in chunk)
            {
                results[c.Index] = await StoreOneAsync(documents, c, ct).ConfigureAwait(false);
            }
        }
    }

    private static IngestedDocument Accepted(int index, DocumentRecord r, string status) => new(index, r.RowKey, r.ErpId, status, null, null) { Stored = r };

    private async Task IndexErpIdsAsync(EntityInfo entity, IEnumerable<DocumentRecord> records, CancellationToken ct)
    {
        var index = tables.GetTableClient(_o.ErpIdsTable);
        foreach (var chunk in records.Select(r => new ErpIdRecord { PartitionKey = entity.TenantId, RowKey = ErpIdRecord.RowFor(entity.Cnpj, r.ErpId!), chNFe = r.RowKey }).Chunk(100))
        {
            await index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct).ConfigureAwait(false);
        }
    }
}
