using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Protocol;
using Tss.Mde.Sharing;
using Tss.Protocol.Reactions;
using Tss.Sefaz.Client;

namespace Tss.Mde.Sync;

/// <summary>
/// The distNSU loop of one cursor, run by the holder of the cursor's in-flight marker (<see cref="InFlight"/>; in the
/// host, the cursor's orchestration): from the stored ultNSU while ultNSU &lt; maxNSU, always continuing from the ultNSU
/// SEFAZ returned; 137 or ultNSU == maxNSU → the hour's wait; 656 → everything blocked for the hour. Nothing is sent
/// inside a block. The cursor moves only after the answer's documents are stored, so a crash repeats an answer, never
/// skips one.
/// </summary>
public sealed class MdeSyncService(MdeAccess access, CursorStore cursors, MdeGateway gateway, IMdeCursorRunner runner, ConsumptionPolicy policy,
    IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeSyncService> logger)
{
    /// <summary>
    /// One pass now in the caller, under a marker of its own (tools and service-level tests; the host's passes run in the
    /// cursor's orchestration). A refusal (no certificate of its own, a block, a busy cursor) writes nothing for the
    /// entity's tenant: the documents of the company it did not receive stay where they are.
    /// </summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/>.</exception>
    public Task<SyncResult> SyncAsync(EntityInfo entity, int model, CancellationToken ct) =>
        PassAsync(entity, model, "sync:" + Guid.NewGuid().ToString("N"), requestId: null, ct);

    /// <summary>
    /// "Sync now": checks the blocks (refused at once, nothing sent), asks the cursor's orchestration for a pass with the
    /// certificate of <paramref name="entity"/> and waits (real time, up to <see cref="MdeOptions.SyncNowWait"/>) for its
    /// answer on the cursor row; <see cref="SyncStatus.Requested"/> when it has not answered by then. Without an
    /// orchestration (<see cref="NoMdeCursorRunner"/>) the pass runs here.
    /// </summary>
    public async Task<SyncResult> SyncNowAsync(EntityInfo entity, int model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await access.RequireAsync(entity, model, ct).ConfigureAwait(false);
        var cursor = await cursors.GetOrCreateAsync(entity, model, ct, start: false).ConfigureAwait(false);
        if (ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()) is { } early)
        {
            // Keep the periodic pass alive even when the request itself is refused.
            await runner.EnsureRunningAsync(entity.Cnpj, model, entity.tpAmb, ct).ConfigureAwait(false);
            return new SyncResult(SyncStatus.Blocked, 0, 0, cursor, early);
        }
        var request = new MdeSyncRequest(Guid.NewGuid().ToString("N"), entity.TenantId);
        if (!await runner.RequestSyncAsync(entity.Cnpj, model, entity.tpAmb, request, ct).ConfigureAwait(false))
        {
            return await SyncAsync(entity, model, ct).ConfigureAwait(false);
        }
        var deadline = TimeProvider.System.GetUtcNow() + options.Value.SyncNowWait;
        while (true)
        {
            cursor = await cursors.FindAsync(entity.Cnpj, model, entity.tpAmb, ct).ConfigureAwait(false) ?? cursor;
            if (cursor.PassRequestId == request.RequestId && Enum.TryParse<SyncStatus>(cursor.PassStatus, out var status))
            {
                return new SyncResult(status, cursor.PassCalls, cursor.PassNew, cursor, ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()));
            }
            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                return new SyncResult(SyncStatus.Requested, 0, 0, cursor);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the loop for <paramref name="entity"/> if the cursor is not blocked and its in-flight marker is free for
    /// <paramref name="owner"/> (a pass of the orchestration that died and runs again finds its own marker and goes on).
    /// The pass's outcome is written on the cursor under <paramref name="requestId"/> when a "sync now" asked for it.
    /// </summary>
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.CertificateRequired"/>.</exception>
    public async Task<SyncResult> PassAsync(EntityInfo entity, int model, string owner, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await access.RequireAsync(entity, model, ct).ConfigureAwait(false);
        var cursor = await cursors.GetOrCreateAsync(entity, model, ct, start: false).ConfigureAwait(false);
        if (ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()) is { } early)
        {
            var blocked = new SyncResult(SyncStatus.Blocked, 0, 0, cursor, early);
            return requestId is null ? blocked : blocked with { Cursor = await AnswerAsync(cursor, requestId, blocked, ct).ConfigureAwait(false) };
        }
        if (await cursors.TryClaimAsync(cursor, owner, ct).ConfigureAwait(false) is not { } claimed)
        {
            var busy = new SyncResult(SyncStatus.Busy, 0, 0, cursor);
            return requestId is null ? busy : busy with { Cursor = await AnswerAsync(cursor, requestId, busy, ct).ConfigureAwait(false) };
        }
        SyncResult? result = null;
        try
        {
            result = await LoopAsync(entity, model, claimed, owner, ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            var outcome = result;
            await cursors.ReleaseAsync(claimed, owner, c =>
            {
                if (requestId is not null && outcome is not null)
                {
                    Answer(c, requestId, outcome);
                }
            }).ConfigureAwait(false);
        }
    }

    private async Task<MdeCursor> AnswerAsync(MdeCursor cursor, string requestId, SyncResult result, CancellationToken ct) =>
        await cursors.UpdateAsync(cursor, c =>
        {
            Answer(c, requestId, result);
            return true;
        }, ct).ConfigureAwait(false);

    private static void Answer(MdeCursor c, string requestId, SyncResult result)
    {
        c.PassRequestId = requestId;
        c.PassStatus = result.Status.ToString();
        c.PassCalls = result.Calls;
        c.PassNew = result.NewDocuments;
    }

    private async Task<SyncResult> LoopAsync(EntityInfo entity, int model, MdeCursor cursor, string owner, CancellationToken ct)
    {
        var calls = 0;
        var fresh = 0;
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
            if (!InFlight.IsHeldBy(cursor, owner, TimeProvider.System.GetUtcNow()))
            {
                // The marker expired (this holder stalled longer than its time to live): someone else may be sending.
                Log.SyncInterrupted(logger, entity.Cnpj, model, cursor.UltNsu, "in-flight marker lost");
                return new SyncResult(SyncStatus.Interrupted, calls, fresh, cursor);
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
            Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.MdeAfterDocumentsStored);
            fresh += stored.New;
            var now = time.GetUtcNow();
            var more = false;
            var ttl = options.Value.InFlightTtl;
            cursor = await cursors.UpdateAsync(cursor, c =>
            {
                if (c.UltNsu != ultNsu || c.InFlightOwner != owner)
                {
                    // Cannot happen while the marker is held; refuse to move a cursor someone else moved.
                    throw new InvalidOperationException($"MD-e cursor {c.RowKey} moved from {ultNsu} to {c.UltNsu} (held by {c.InFlightOwner}) during a pass.");
                }
                more = policy.ApplyDistNsu(c, answer, now);
                // Each NSU moves the cursor exactly once, so this count survives crashes and replays.
                c.DocumentCount += CStatTables.DistribuicaoDFe.React(answer.cStat) == CStatReaction.Documents ? answer.Documents.Count : 0;
                // Every answer renews the marker.
                c.InFlightUntil = TimeProvider.System.GetUtcNow() + ttl;
                return true;
            }, ct).ConfigureAwait(false);
            Log.Answered(logger, entity.Cnpj, model, ultNsu, answer.cStat, answer.UltNsu, answer.MaxNsu, answer.Documents.Count, stored.New);
            if (CStatTables.DistribuicaoDFe.React(answer.cStat) == CStatReaction.BlockOneHour)
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
