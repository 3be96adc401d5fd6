using Tss.Runtime.Storage;

namespace Tss.Durable;

/// <summary>
/// The Durable backend's own storage requests (queues, history and instance tables, leases), counted apart from the
/// product's: the bench reports them per document (<c>durableTxPerDoc</c>). One per host (a singleton).
/// </summary>
public sealed class DurableStorageTransactions
{
    /// <summary>The counter fed by every request of the backend's storage clients.</summary>
    public StorageTransactionCounter Counter { get; } = new();

    /// <summary>The backend's requests so far, by operation.</summary>
    public StorageTransactionSnapshot Snapshot() => Counter.Snapshot();
}
