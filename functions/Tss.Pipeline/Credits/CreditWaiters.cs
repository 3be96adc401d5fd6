using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Credits;
using Tss.Pipeline.Messages;

namespace Tss.Pipeline.Credits;

/// <summary>
/// Which document partitions of a tenant hold documents awaiting credits: one small row per partition in the documents
/// table (partition "~credits|{tenant}", row = the documents' partition), written when a document starts waiting. A
/// top-up wakes them — one query, then an assemble message per partition — so waiting costs no storage transaction
/// while nothing happens. Tenant ids never contain '~', so these partitions never mix with documents.
/// </summary>
public sealed class CreditWaiters(TableServiceClient tables, PipelineQueues queues, IOptions<PipelineOptions> options) : IAwaitingCredits
{
    private readonly PipelineOptions _o = options.Value;

    private TableClient Table => tables.GetTableClient(_o.DocumentsTable);

    /// <summary>The partition where the waiting partitions of <paramref name="tenantId"/> are listed.</summary>
    public static string PartitionFor(string tenantId) => "~credits|" + tenantId;

    /// <summary>Notes that <paramref name="partition"/> has documents awaiting credits (idempotent).</summary>
    public Task RememberAsync(string tenantId, string partition, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(PartitionFor(tenantId), partition), TableUpdateMode.Replace, ct);

    /// <summary>
    /// Credits were added: asks for lot assembly in every waiting partition of the tenant, then forgets them (a
    /// partition still short of credits is noted again by the assembler). Returns how many partitions were woken.
    /// </summary>
    public async Task<int> WakeAsync(string tenantId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionFor(tenantId)}");
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0; // no documents table yet (the host never ran): nobody waits
        }
        foreach (var row in rows)
        {
            // Message first, then the delete: a crash in between only wakes the partition twice.
            await queues.AssembleAsync(row.RowKey, ct).ConfigureAwait(false);
            try
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Noted again meanwhile (keep it) or removed by a concurrent wake.
            }
        }
        return rows.Count;
    }
}
