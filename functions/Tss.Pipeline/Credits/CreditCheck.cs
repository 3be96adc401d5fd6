using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Credits;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Credits;

/// <summary>
/// The assembler's credit step, run on the pending documents just before lots are cut: one credit is debited per
/// document (by its send identity, so a re-run never debits twice) and only the debited ones go into lots. The others
/// wait as <see cref="Contracts.Documents.DocumentStatus.AwaitingCredits"/>: their pending marker stays (flagged, so the wait costs nothing
/// more) and their partition is noted in <see cref="CreditWaiters"/> for the next top-up to wake.
/// </summary>
public sealed partial class CreditCheck(ICreditGate gate, CreditWaiters waiters, PipelineQueues queues, TimeProvider time, ILogger<CreditCheck> logger)
{
    /// <summary>Returns the markers that may be cut into lots, in the order given.</summary>
    public async Task<List<PendingMarker>> AdmitAsync(TableClient table, string partition, List<PendingMarker> pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return pending;
        }
        await FillDigestsAsync(table, partition, pending, ct).ConfigureAwait(false);
        var admitted = new List<PendingMarker>(pending.Count);
        foreach (var tenant in pending.GroupBy(m => m.TenantId))
        {
            var markers = tenant.OrderBy(m => m.ReceivedAt).ToList();
            var grants = await gate.TryDebitAsync(tenant.Key, [.. markers.Select(Key)], ct).ConfigureAwait(false);
            var refused = markers.Where((_, i) => !grants[i]).ToList();
            admitted.AddRange(markers.Where((_, i) => grants[i]));
            var newlyWaiting = refused.Where(m => !m.AwaitingCredits).ToList();
            if (newlyWaiting.Count == 0)
            {
                continue;
            }
            await MarkAwaitingAsync(table, newlyWaiting, ct).ConfigureAwait(false);
            await waiters.RememberAsync(tenant.Key, partition, ct).ConfigureAwait(false);
            Log.CreditAwaiting(logger, tenant.Key, partition, newlyWaiting.Count);
            // A top-up between the refusal and the note above would not have seen the note: ask once more. Either the
            // top-up sees the note and wakes the partition, or this sees its credits.
            var again = await gate.TryDebitAsync(tenant.Key, [.. refused.Select(Key)], ct).ConfigureAwait(false);
            if (again.Any(g => g))
            {
                await queues.AssembleAsync(partition, ct).ConfigureAwait(false);
            }
        }
        var order = pending.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        return [.. admitted.OrderBy(m => order[m])];
    }

    private static string Key(PendingMarker m) => CreditDebitKey.For(m.Key, m.DigestValue);

    /// <summary>Markers written before the digest was copied onto them: read it from their documents.</summary>
    private static async Task FillDigestsAsync(TableClient table, string partition, List<PendingMarker> pending, CancellationToken ct)
    {
        var missing = pending.Where(m => string.IsNullOrEmpty(m.DigestValue)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var docs = await DocumentReader.ReadAsync(table, partition, [.. missing.Select(m => m.Key)], ct).ConfigureAwait(false);
        foreach (var m in missing)
        {
            m.DigestValue = docs.TryGetValue(m.Key, out var d) && !string.IsNullOrEmpty(d.DigestValue) ? d.DigestValue : m.Key.Value;
        }
    }

    /// <summary>Flags marker and document together, conditional on the marker read (a lot that claimed it meanwhile wins).</summary>
    private async Task MarkAwaitingAsync(TableClient table, List<PendingMarker> markers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var m in markers)
        {
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(m.PartitionKey, m.RowKey) { [nameof(PendingMarker.AwaitingCredits)] = true }, m.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        DocumentUpdate.AwaitingCredits(m.PartitionKey, m.Key, now), ETag.All),
                ], ct).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Claimed by a lot or flagged by another assembler meanwhile: nothing to mark.
            }
        }
    }
}
