using Tss.Runtime.Storage;

namespace Tss.Pipeline.Hosting;

/// <summary>Creates the pipeline's tables, queues and containers (idempotent; run once at host start).</summary>
public static class PipelineStorage
{
    public static async Task EnsureCreatedAsync(StorageClients storage, PipelineOptions o, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(o);
        var work = new List<Task>();
        foreach (var table in new[] { o.DocumentsTable, o.ErpIdsTable, o.IdempotencyTable })
        {
            work.Add(storage.GetTable(table).CreateIfNotExistsAsync(ct));
        }
        foreach (var queue in new[] { o.AssembleQueue, o.DistributeQueue })
        {
            work.Add(storage.GetQueue(queue).CreateIfNotExistsAsync(cancellationToken: ct));
            work.Add(storage.GetQueue(queue + Tss.Runtime.Queues.QueueNames.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: ct));
        }
        foreach (var container in new[] { o.ProcContainer, o.SignedContainer, o.DanfeContainer })
        {
            work.Add(storage.GetContainer(container).CreateIfNotExistsAsync(cancellationToken: ct));
        }
        await Task.WhenAll(work).ConfigureAwait(false);
    }
}
