using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Functions.Queues;
using Tss.Mde;
using Tss.Mde.Documents;
using Tss.Mde.Sharing;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;

namespace Tss.Functions.Hosting;

/// <summary>
/// What the local host's MD-e start-up step and queue listeners create, created when the worker starts: the MD-e
/// tables and the triggers' queues with their poison queues (the trigger does not create the queue it listens to).
/// Idempotent; a few requests per cold start. Re-arming the cursors is a timer's job here (it needs a Durable client).
/// </summary>
internal sealed class FunctionsBootstrap(StorageClients storage, MdeDocumentStore documents, MdeSharingStore sharing, IOptions<MdeOptions> mde) : IHostedService
{
    private static readonly string[] Queues =
        [QueueTriggerNames.Assemble, QueueTriggerNames.Distribute, QueueTriggerNames.Events, QueueTriggerNames.MdeNotify, QueueTriggerNames.MdeCiencia,
         QueueTriggerNames.CreditsNotify];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.GetTable(mde.Value.CursorsTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await documents.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await sharing.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in Queues)
        {
            await storage.GetQueue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await storage.GetQueue(QueueNames.Poison(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
