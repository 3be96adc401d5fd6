using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Sharing;
using Tss.Protocol.Time;

namespace Tss.Mde.Sync;

/// <summary>The cursor a pass is for (one orchestration each) and, for a "sync now", the request it answers.</summary>
public sealed record MdePassInput(string Cnpj, int Model, int tpAmb, string Owner, MdeSyncRequest? Request);

/// <summary>
/// How a pass went and when the next one is due: <paramref name="Wait"/> is real time (the durable timer's length; the
/// service clock may run scaled in tests). <paramref name="Gone"/>: no tenant holding the CNPJ can sync it any more (no
/// entity with its own certificate), so the cursor's orchestration ends until one proves it again.
/// </summary>
public sealed record MdePassOutcome(SyncStatus Status, int Calls, int NewDocuments, DateTimeOffset? NextAt, TimeSpan Wait, bool Gone);

/// <summary>
/// One pass of a cursor's orchestration: picks the entity whose certificate syncs (the cursor's tenant, another tenant
/// that proved the CNPJ when that one is gone, or the tenant that asked for a "sync now"), runs the distNSU loop
/// bounded by the budget, and computes with the pure policy when the next pass is due.
/// </summary>
public sealed class MdeCursorPass(CursorStore cursors, IEntityDirectory entities, IEntitiesByCnpj sameCnpj, CertificateProof proof, MdeSyncService sync,
    IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeCursorPass> logger)
{
    public async Task<MdePassOutcome> RunAsync(MdePassInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cursor = await cursors.FindAsync(input.Cnpj, input.Model, input.tpAmb, ct).ConfigureAwait(false);
        var entity = await EntityAsync(input, cursor, ct).ConfigureAwait(false);
        if (entity is null || cursor is null)
        {
            Log.EntityGone(logger, cursor?.TenantId ?? "", input.Cnpj);
            return new MdePassOutcome(SyncStatus.Blocked, 0, 0, null, TimeSpan.Zero, Gone: true);
        }
        SyncResult result;
        try
        {
            result = await sync.PassAsync(entity, input.Model, input.Owner, input.Request?.RequestId, ct).ConfigureAwait(false);
        }
        catch (MdeException e) when (e.Code == MdeErrorCodes.CertificateRequired)
        {
            // The certificate went between the check and the pass: the next pass looks for another tenant.
            result = new SyncResult(SyncStatus.Interrupted, 0, 0, cursor);
        }
        var now = time.GetUtcNow();
        var next = ConsumptionPolicy.NextPassDue(result.Status, result.Cursor, now, options.Value.SyncInterval);
        await cursors.UpdateAsync(result.Cursor, c =>
        {
            c.NextRunAt = next;
            return true;
        }, ct).ConfigureAwait(false);
        Log.Ran(logger, input.Cnpj, input.Model, result.Status.ToString(), result.Calls, result.NewDocuments, next);
        return new MdePassOutcome(result.Status, result.Calls, result.NewDocuments, next, RealWait(next - now, time), Gone: false);
    }

    /// <summary>The real-time length of a wait on <paramref name="clock"/> (scaled in tests), rounded up to the millisecond.</summary>
    public static TimeSpan RealWait(TimeSpan wait, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var scale = clock is ScaledTimeProvider { Scale: > 1 } scaled ? scaled.Scale : 1.0;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds / scale) + 1);
    }

    private async Task<EntityInfo?> EntityAsync(MdePassInput input, MdeCursor? cursor, CancellationToken ct)
    {
        if (input.Request is { } request && await ProvedAsync(request.TenantId, input, ct).ConfigureAwait(false) is { } asking)
        {
            return asking;
        }
        if (cursor is null)
        {
            return null;
        }
        if (await ProvedAsync(cursor.TenantId, input, ct).ConfigureAwait(false) is { } own)
        {
            return own;
        }
        // The tenant that ran the schedule dropped the company (or its certificate): another tenant that proved the CNPJ
        // carries it on, and the cursor names it from now on.
        foreach (var other in await sameCnpj.ForCnpjAsync(input.Cnpj, ct).ConfigureAwait(false))
        {
            if (other.TenantId != cursor.TenantId && other.tpAmb == input.tpAmb && await proof.IsProvedAsync(other, ct).ConfigureAwait(false))
            {
                await cursors.UpdateAsync(cursor, c =>
                {
                    c.TenantId = other.TenantId;
                    return true;
                }, ct).ConfigureAwait(false);
                return other;
            }
        }
        return null;
    }

    private async Task<EntityInfo?> ProvedAsync(string tenantId, MdePassInput input, CancellationToken ct)
    {
        var entity = await entities.FindAsync(tenantId, input.Cnpj, ct).ConfigureAwait(false);
        return entity is not null && entity.tpAmb == input.tpAmb && await proof.IsProvedAsync(entity, ct).ConfigureAwait(false) ? entity : null;
    }
}
