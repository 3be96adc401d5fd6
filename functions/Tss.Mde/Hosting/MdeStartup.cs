using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Runtime.Storage;

namespace Tss.Mde.Hosting;

/// <summary>
/// One-shot work at host start (not a loop): creates MD-e storage, then makes sure every cursor's orchestration runs
/// (a start of one already running does nothing), so no company stops being synchronized.
/// </summary>
internal sealed class MdeStartup(StorageClients storage, MdeDocumentStore documents, MdeSharingStore sharing, CursorStore cursors, IMdeCursorRunner runner,
    IOptions<MdeOptions> options, ILogger<MdeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await storage.GetTable(o.CursorsTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await documents.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await sharing.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (runner is NoMdeCursorRunner)
        {
            return;
        }
        var ensured = 0;
        await foreach (var cursor in cursors.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            await runner.EnsureRunningAsync(cursor.Cnpj, cursor.Model, cursor.tpAmb, cancellationToken).ConfigureAwait(false);
            ensured++;
        }
        if (ensured > 0)
        {
            Log.Rearmed(logger, ensured);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
