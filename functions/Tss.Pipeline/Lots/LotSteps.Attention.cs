using Azure;
using Azure.Data.Tables;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Lots;

public sealed partial class LotSteps
{
    /// <summary>Longest fault text kept on a row.</summary>
    private const int MaxFaultLength = 1000;

    /// <summary>
    /// Records what the lot's orchestration reports about itself, in one entity-group transaction on the lot's
    /// partition: <paramref name="error"/> (when given) as the lot row's last fault, and <paramref name="stuck"/> —
    /// the lot stopped restarting — on the row and, as "needs attention" with the error, on each open document (their
    /// status stays InLot: a document may have reached SEFAZ). Clearing (<paramref name="stuck"/> false, no error)
    /// removes the documents' marks. Merges only these fields, so it never undoes a step's writes; safe to repeat.
    /// </summary>
    public async Task MarkAttentionAsync(string partition, string lotId, string? error, bool stuck, CancellationToken ct)
    {
        var record = await LoadAsync(partition, lotId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var text = error is { Length: > MaxFaultLength } ? error[..MaxFaultLength] : error;
        var lot = new TableEntity(partition, lotId) { [nameof(LotRecord.Stuck)] = stuck };
        if (text is not null)
        {
            lot[nameof(LotRecord.LastFault)] = text;
            lot[nameof(LotRecord.LastFaultAt)] = now;
        }
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, lot, ETag.All) };
        var state = record.ToState();
        if (stuck)
        {
            var attention = $"Lote {record.idLote} parado após falhas repetidas: {text}";
            actions.AddRange(state.OpenKeys.Select(k => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                DocumentUpdate.Attention(partition, k, attention, now), ETag.All)));
        }
        else if (record.Stuck)
        {
            // Merge cannot remove a property: an empty text is "no attention".
            actions.AddRange(state.Keys.Except(state.Requeued).Select(k => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                DocumentUpdate.Attention(partition, k, "", now), ETag.All)));
        }
        await Documents.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
    }
}
