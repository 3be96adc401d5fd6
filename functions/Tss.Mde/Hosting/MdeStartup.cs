using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Scheduling;
using Tss.Mde.Sharing;
using Tss.Runtime.Storage;

namespace Tss.Mde.Hosting;

/// <summary>
/// One-shot work at host start (not a loop): creates MD-e storage, then re-arms the schedule of every cursor whose
/// next run is overdue (a timer lost between a cursor update and its send), so no company stops being synchronized.
/// </summary>
internal sealed class MdeStartup(StorageClients storage, MdeDocumentStore documents, MdeSharingStore sharing, CursorStore cursors, MdeScheduler scheduler,
    IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await storage.GetTable(o.CursorsTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await documents.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await sharing.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var grace = o.SyncInterval;
        var rearmed = 0;
        await foreach (var cursor in cursors.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (cursor.NextRunAt is { } next && next + grace < time.GetUtcNow())
            {
                await scheduler.ScheduleAsync(cursor, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                rearmed++;
            }
        }
        if (rearmed > 0)
        {
            Log.Rearmed(logger, rearmed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
