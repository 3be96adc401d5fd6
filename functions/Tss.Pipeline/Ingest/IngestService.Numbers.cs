using Azure.Data.Tables;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Ingest;

public sealed partial class IngestService
{
    /// <summary>
    /// One document of a request, decided alone (its batch failed because some key or number already exists). A key
    /// already stored follows the resubmission rules (live: its status; rejected: replaced). A number already stored under
    /// another live key (the ERP resubmits the tpEmis 1 original of a document ingest re-keyed to tpEmis 6/7/9) answers
    /// that stored document when the content is the same, or <see cref="PipelineErrorCodes.Ingest.NumberTaken"/> when it
    /// differs; nothing is stored or sent either way. A number held by a rejected document (or by none) is taken over.
    /// </summary>
    private static async Task<IngestedDocument> StoreOneAsync(TableClient documents, Stored c, CancellationToken ct)
    {
        var (index, record, number) = c;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await documents.GetEntityIfExistsAsync<DocumentRecord>(record.PartitionKey, record.RowKey, cancellationToken: ct).ConfigureAwait(false);
            if (existing.HasValue && existing.Value is { } live && DocumentLifecycle.Next(live.StatusValue, DocumentEvent.Resubmitted) is null)
            {
                // Already pending (its marker exists or its lot was cut), in a lot or final: never queued again.
                return Accepted(index, live, live.Status);
            }

            var taken = await documents.GetEntityIfExistsAsync<NumberRecord>(number.PartitionKey, number.RowKey, cancellationToken: ct).ConfigureAwait(false);
            if (taken.HasValue && taken.Value is { } row && row.chNFe != record.RowKey)
            {
                var holder = await documents.GetEntityIfExistsAsync<DocumentRecord>(record.PartitionKey, row.chNFe, cancellationToken: ct).ConfigureAwait(false);
                if (holder.HasValue && holder.Value is { } other && DocumentLifecycle.Next(other.StatusValue, DocumentEvent.Resubmitted) is null)
                {
                    return row.Fingerprint.Length > 0 && row.Fingerprint == number.Fingerprint
                        ? Accepted(index, other, other.Status)
                        : new IngestedDocument(index, record.RowKey, record.ErpId, null, PipelineErrorCodes.Ingest.NumberTaken,
                            $"O número {record.Key.Parts.nNF} da série {record.Key.Parts.serie} já está na chave {other.RowKey} com conteúdo diferente; " +
                            "consulte essa chave ou emita com outro número.");
                }
            }

            var numberAction = taken.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, number, taken.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, number);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await documents.SubmitTransactionAsync(Rows(record, numberAction), ct).ConfigureAwait(false);
                    return Accepted(index, record, record.Status);
                }
                var current = existing.Value;
                record.History = current.History;
                record.AddHistory(record.ReceivedAt, "Resubmitted after rejection " + current.cStat);
                await documents.SubmitTransactionAsync(Rows(record, numberAction, current.ETag), ct).ConfigureAwait(false);
                return Accepted(index, record, record.Status);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Raced with another writer: look again.
            }
            catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Raced with another writer: look again.
            }
        }
        return new IngestedDocument(index, record.RowKey, record.ErpId, null, PipelineErrorCodes.Ingest.InFlight, "O documento está sendo alterado por outra requisição; tente novamente.");
    }

    /// <summary>
    /// The document, its pending marker and its number row. An EPEC document (tpEmis 4) gets its marker only once its
    /// EPEC is registered (Tss.Pipeline.Epec.EpecSteps), so it is never transmitted before.
    /// </summary>
    private static List<TableTransactionAction> Rows(DocumentRecord record, TableTransactionAction number, Azure.ETag? replacing = null)
    {
        List<TableTransactionAction> rows = [replacing is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, record)];
        if (!Epec.EpecStatus.IsOpen(record.EpecStatus))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Add, PendingMarker.For(record)));
        }
        rows.Add(number);
        return rows;
    }

    /// <summary>An accepted document of a request with its number row, before it is stored.</summary>
    private sealed record Stored(int Index, DocumentRecord Record, NumberRecord Number);
}
