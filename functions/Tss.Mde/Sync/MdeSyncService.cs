using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Mde.Cursors;
using Tss.Mde.Protocol;
using Tss.Mde.Sharing;
using Tss.Pipeline.Entities;
using Tss.Runtime.Leases;
using Tss.Sefaz.Client;

namespace Tss.Mde.Sync;

/// <summary>
/// The distNSU loop of one cursor, run by whoever holds the cursor's blob lease (one poller per CNPJ and model across
/// all instances): from the stored ultNSU while ultNSU &lt; maxNSU, always continuing from the ultNSU SEFAZ returned;
/// 137 or ultNSU == maxNSU → the hour's wait; 656 → everything blocked for the hour. Nothing is sent inside a block.
/// The cursor moves only after the answer's documents are stored, so a crash repeats an answer, never skips one.
/// </summary>
public sealed class MdeSyncService(MdeAccess access, CursorStore cursors, MdeGateway gateway, BlobLeaseSingleton leases, ConsumptionPolicy policy,
    IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeSyncService> logger)
{
    /// <summary>
    /// The lease key of a cursor: per CNPJ and model, whatever the tenant and even the environment (homologation and
    /// production are separate at SEFAZ, but one request in flight per CNPJ is the simpler promise to keep).
    /// </summary>
    public static string LeaseKey(string cnpj, int model) => $"mde-{cnpj}-{model}";

    /// <summary>
    /// Runs the loop if the cursor is free and not blocked. A refusal (no certificate of its own, a block, a busy cursor)
    /// writes nothing for the entity's tenant: the documents of the company it did not receive stay where they are.
    /// </summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/>.</exception>
    public async Task<SyncResult> SyncAsync(EntityInfo entity, int model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await access.RequireAsync(entity, model, ct).ConfigureAwait(false);
        var cursor = await cursors.GetOrCreateAsync(entity, model, ct).ConfigureAwait(false);
        if (ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()) is { } early)
        {
            return new SyncResult(SyncStatus.Blocked, 0, 0, cursor, early);
        }
        await using var lease = await leases.TryAcquireAsync(LeaseKey(entity.Cnpj, model), ct).ConfigureAwait(false);
        if (lease is null)
        {
            return new SyncResult(SyncStatus.Busy, 0, 0, cursor);
        }
        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.LeaseLost);
        return await LoopAsync(entity, model, guarded.Token).ConfigureAwait(false);
    }

    private async Task<SyncResult> LoopAsync(EntityInfo entity, int model, CancellationToken ct)
    {
        var calls = 0;
        var fresh = 0;
        // Re-read under the lease: the previous holder may have moved the cursor after our first read.
        var cursor = await cursors.GetOrCreateAsync(entity, model, ct).ConfigureAwait(false);
        while (true)
        {
            if (ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()) is { } until)
            {
                return new SyncResult(calls == 0 ? SyncStatus.Blocked : SyncStatus.Completed, calls, fresh, cursor, until);
            }
            if (calls == options.Value.MaxCallsPerRun)
            {
                return new SyncResult(SyncStatus.BudgetExhausted, calls, fresh, cursor);
            }
            ct.ThrowIfCancellationRequested();
            var ultNsu = cursor.UltNsu;
            RetDistDFeInt answer;
            try
            {
                calls++;
                answer = await gateway.SendAsync(entity, model, (tpAmb, cUF, cnpj) => DistDFeRequests.DistNsu(tpAmb, cUF, cnpj, ultNsu), ct)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is SefazException or MdeException)
            {
                // A request that never left is not a call: it used nothing of SEFAZ's patience nor of this run's budget.
                calls -= e is SefazException { NotSent: true } ? 1 : 0;
                Log.SyncInterrupted(logger, entity.Cnpj, model, ultNsu, e.Message);
                return new SyncResult(SyncStatus.Interrupted, calls, fresh, cursor);
            }
            var stored = await gateway.StoreAsync(entity, model, answer, ultNsu, ct).ConfigureAwait(false);
            fresh += stored.New;
            var now = time.GetUtcNow();
            var more = false;
            cursor = await cursors.UpdateAsync(cursor, c =>
            {
                if (c.UltNsu != ultNsu)
                {
                    // Cannot happen under the lease; refuse to move a cursor someone else moved.
                    throw new InvalidOperationException($"MD-e cursor {c.RowKey} moved from {ultNsu} to {c.UltNsu} while leased.");
                }
                more = policy.ApplyDistNsu(c, answer, now);
                // Each NSU moves the cursor exactly once, so this count survives crashes and replays.
                c.DocumentCount += answer.cStat == 138 ? answer.Documents.Count : 0;
                return true;
            }, ct).ConfigureAwait(false);
            Log.Answered(logger, entity.Cnpj, model, ultNsu, answer.cStat, answer.UltNsu, answer.MaxNsu, answer.Documents.Count, stored.New);
            if (answer.cStat == 656)
            {
                Log.Blocked656(logger, entity.Cnpj, model, answer.xMotivo, cursor.BlockedUntil);
            }
            if (!more)
            {
                return new SyncResult(SyncStatus.Completed, calls, fresh, cursor, ConsumptionPolicy.SyncRefusedUntil(cursor, now));
            }
        }
    }
}
