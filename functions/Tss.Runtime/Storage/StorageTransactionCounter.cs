using System.Collections.Concurrent;
using Azure.Core.Pipeline;
using Tss.Runtime.Storage.Internal;

namespace Tss.Runtime.Storage;

/// <summary>
/// Counts every HTTP request the storage clients send, by service and operation: the number of storage
/// transactions is what the product costs on Azure, so the benchmark reports it per authorized document.
/// Thread-safe; one instance per host (registered as a singleton by <c>AddTssStorage</c>).
/// </summary>
public sealed class StorageTransactionCounter
{
    private readonly ConcurrentDictionary<StorageOperation, StrongBox> counts = new();

    /// <summary>Records one request.</summary>
    public void Record(StorageService service, string operation) =>
        Interlocked.Increment(ref counts.GetOrAdd(new StorageOperation(service, operation), static _ => new StrongBox()).Value);

    /// <summary>The counts so far (a consistent copy per operation; concurrent requests may land on either side).</summary>
    public StorageTransactionSnapshot Snapshot() =>
        new(counts.Where(c => Volatile.Read(ref c.Value.Value) > 0)
                  .ToDictionary(c => c.Key, c => Volatile.Read(ref c.Value.Value)));

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        foreach (var box in counts.Values)
        {
            Interlocked.Exchange(ref box.Value, 0);
        }
    }

    /// <summary>
    /// The pipeline policy that feeds this counter for one service. It runs once per attempt (per-retry position),
    /// not once per logical call: a retried request is billed again, so it is counted again.
    /// </summary>
    /// <param name="service">The service the client talks to.</param>
    /// <param name="serviceUri">The client's service endpoint; its path (the account segment on Azurite) is not part of the operation.</param>
    public HttpPipelinePolicy CreatePolicy(StorageService service, Uri serviceUri) =>
        new StorageTransactionCountingPolicy(this, service, serviceUri.AbsolutePath);

    private sealed class StrongBox
    {
        public long Value;
    }
}
