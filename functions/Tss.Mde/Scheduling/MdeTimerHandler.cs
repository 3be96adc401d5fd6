using Microsoft.Extensions.Logging;
using Tss.Mde.Cursors;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Pipeline.Entities;
using Tss.Runtime.Queues;

namespace Tss.Mde.Scheduling;

/// <summary>A due periodic sync: drop it when superseded, run the loop, schedule the next run.</summary>
public sealed class MdeTimerHandler(CursorStore cursors, IEntityDirectory entities, IEntitiesByCnpj sameCnpj, CertificateProof proof, MdeSyncService sync,
    MdeScheduler scheduler, ILogger<MdeTimerHandler> logger) : IQueueHandler<MdeTimerMessage>
{
    public async Task HandleAsync(MdeTimerMessage message, QueueMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = await entities.FindAsync(message.TenantId, message.Cnpj, ct).ConfigureAwait(false);
        if (entity is not null && !await proof.IsProvedAsync(entity, ct).ConfigureAwait(false))
        {
            entity = null;
        }
        var cursor = entity is null ? null : await cursors.FindAsync(entity.Cnpj, message.Model, entity.tpAmb, ct).ConfigureAwait(false);
        if (entity is null)
        {
            // The tenant that ran the schedule dropped the company (or its certificate): another tenant that proved the
            // CNPJ carries it on.
            Log.EntityGone(logger, message.TenantId, message.Cnpj);
            foreach (var other in await sameCnpj.ForCnpjAsync(message.Cnpj, ct).ConfigureAwait(false))
            {
                if (other.TenantId == message.TenantId || !await proof.IsProvedAsync(other, ct).ConfigureAwait(false))
                {
                    continue;
                }
                if (await cursors.FindAsync(other.Cnpj, message.Model, other.tpAmb, ct).ConfigureAwait(false) is { } shared && shared.TenantId == message.TenantId)
                {
                    (entity, cursor) = (other, await cursors.UpdateAsync(shared, c =>
                    {
                        c.TenantId = other.TenantId;
                        return true;
                    }, ct).ConfigureAwait(false));
                    break;
                }
            }
        }
        if (entity is null || cursor is null || !MdeScheduler.IsCurrent(cursor, message))
        {
            return;
        }
        var result = await sync.SyncAsync(entity, message.Model, ct).ConfigureAwait(false);
        var next = await scheduler.ScheduleAsync(result.Cursor, scheduler.NextAfter(result), ct).ConfigureAwait(false);
        Log.Ran(logger, message.Cnpj, message.Model, result.Status.ToString(), result.Calls, result.NewDocuments, next);
    }
}
