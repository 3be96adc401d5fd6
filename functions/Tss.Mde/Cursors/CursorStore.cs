using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Entities;
using Tss.Runtime.Storage;
using Tss.Runtime.Tables;

namespace Tss.Mde.Cursors;

/// <summary>Cursor rows: created on first use, changed only through ETag compare-and-swap.</summary>
public sealed class CursorStore(StorageClients storage, IOptions<MdeOptions> options)
{
    private readonly TableClient _table = storage.GetTable(options.Value.CursorsTable);

    /// <summary>The entity's cursor (shared by every tenant with its CNPJ); a new one names the entity's tenant for the schedule.</summary>
    public async Task<MdeCursor> GetOrCreateAsync(EntityInfo entity, int model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var fresh = new MdeCursor
        {
            PartitionKey = entity.Cnpj,
            RowKey = MdeCursor.RowKeyFor(model, entity.tpAmb),
            Cnpj = entity.Cnpj,
            Model = model,
            tpAmb = entity.tpAmb,
            TenantId = entity.TenantId,
        };
        return (await _table.InsertIfAbsentAsync(fresh, ct).ConfigureAwait(false)).Entity;
    }

    public async Task<MdeCursor?> FindAsync(string cnpj, int model, int tpAmb, CancellationToken ct)
    {
        var read = await _table.GetEntityIfExistsAsync<MdeCursor>(cnpj, MdeCursor.RowKeyFor(model, tpAmb), cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Read-mutate-write with If-Match; <paramref name="mutate"/> may run more than once.</summary>
    public async Task<MdeCursor> UpdateAsync(MdeCursor cursor, Func<MdeCursor, bool> mutate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var result = await _table.UpdateWithRetryAsync(cursor.PartitionKey, cursor.RowKey, mutate, ct: ct).ConfigureAwait(false);
        return result.Entity ?? throw new InvalidOperationException($"MD-e cursor {cursor.PartitionKey}/{cursor.RowKey} disappeared.");
    }

    /// <summary>Every cursor (for re-arming schedules at start).</summary>
    public IAsyncEnumerable<MdeCursor> AllAsync(CancellationToken ct) => _table.QueryAsync<MdeCursor>(cancellationToken: ct);
}
