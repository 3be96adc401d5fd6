using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Sync;
using Tss.Runtime.Storage;
using Tss.Runtime.Tables;

namespace Tss.Mde.Cursors;

/// <summary>Cursor rows: created on first use (which starts the cursor's orchestration), changed only through ETag
/// compare-and-swap.</summary>
public sealed class CursorStore(StorageClients storage, IMdeCursorRunner runner, IOptions<MdeOptions> options)
{
    private readonly TableClient _table = storage.GetTable(options.Value.CursorsTable);

    /// <summary>
    /// The entity's cursor (shared by every tenant with its CNPJ); a new one names the entity's tenant for the schedule
    /// and starts the cursor's orchestration unless <paramref name="start"/> is false (the caller starts it itself, e.g.
    /// with a "sync now" its first pass answers, or is the pass).
    /// </summary>
    public async Task<MdeCursor> GetOrCreateAsync(EntityInfo entity, int model, CancellationToken ct, bool start = true)
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
        var stored = await _table.InsertIfAbsentAsync(fresh, ct).ConfigureAwait(false);
        if (stored.Inserted && start)
        {
            await runner.EnsureRunningAsync(entity.Cnpj, model, entity.tpAmb, ct).ConfigureAwait(false);
        }
        return stored.Entity;
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

    /// <summary>
    /// Takes the cursor's in-flight marker for <paramref name="owner"/> (<see cref="InFlight"/>); null when someone else
    /// holds it. Returns the cursor as written.
    /// </summary>
    public async Task<MdeCursor?> TryClaimAsync(MdeCursor cursor, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var ttl = options.Value.InFlightTtl;
        var claimed = false;
        var written = await UpdateAsync(cursor, c => claimed = InFlight.TryClaim(c, owner, TimeProvider.System.GetUtcNow(), ttl), ct).ConfigureAwait(false);
        return claimed ? written : null;
    }

    /// <summary>
    /// Takes the marker, waiting (real time, polling) up to <see cref="MdeOptions.BusyWait"/> for the holder to let go.
    /// </summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.Busy"/> when it is still held after the wait.</exception>
    public async Task<MdeCursor> ClaimWaitingAsync(MdeCursor cursor, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var deadline = TimeProvider.System.GetUtcNow() + options.Value.BusyWait;
        while (true)
        {
            if (await TryClaimAsync(cursor, owner, ct).ConfigureAwait(false) is { } claimed)
            {
                return claimed;
            }
            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                throw new MdeException(MdeErrorCodes.Busy, "Uma sincronização desta empresa com a SEFAZ está em andamento; tente novamente em alguns minutos.");
            }
            // Real time on purpose: the marker is held in real time, whatever the service clock's scale.
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Lets go of the marker (and applies <paramref name="also"/> in the same write). Never cancelled: a marker
    /// left behind would hold the CNPJ until it expires.</summary>
    public async Task ReleaseAsync(MdeCursor cursor, string owner, Action<MdeCursor>? also = null)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await UpdateAsync(cursor, c =>
        {
            var released = InFlight.Release(c, owner);
            if (released)
            {
                also?.Invoke(c);
            }
            return released;
        }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Every cursor (to start their orchestrations when the host starts).</summary>
    public IAsyncEnumerable<MdeCursor> AllAsync(CancellationToken ct) => _table.QueryAsync<MdeCursor>(cancellationToken: ct);
}
