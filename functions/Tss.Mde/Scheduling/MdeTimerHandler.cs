using Microsoft.Extensions.Logging;
using Tss.Mde.Cursors;
using Tss.Mde.Sync;
using Tss.Pipeline.Entities;
using Tss.Runtime.Queues;

namespace Tss.Mde.Scheduling;

/// <summary>A due periodic sync: drop it when superseded, run the loop, schedule the next run.</summary>
public sealed class MdeTimerHandler(CursorStore cursors, IEntityDirectory entities, MdeSyncService sync, MdeScheduler scheduler,
    ILogger<MdeTimerHandler> logger) : IQueueHandler<MdeTimerMessage>
{
    public async Task HandleAsync(MdeTimerMessage message, QueueMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cursor = await cursors.FindAsync(message.TenantId, message.Cnpj, message.Model, ct).ConfigureAwait(false);
        if (cursor is null || !MdeScheduler.IsCurrent(cursor, message))
        {
            return;
        }
        var entity = await entities.FindAsync(message.TenantId, message.Cnpj, ct).ConfigureAwait(false);
        if (entity is null)
        {
            Log.EntityGone(logger, message.TenantId, message.Cnpj);
            return;
        }
        var result = await sync.SyncAsync(entity, message.Model, ct).ConfigureAwait(false);
        var next = await scheduler.ScheduleAsync(result.Cursor, scheduler.NextAfter(result), ct).ConfigureAwait(false);
        Log.Ran(logger, message.Cnpj, message.Model, result.Status.ToString(), result.Calls, result.NewDocuments, next);
    }
}
