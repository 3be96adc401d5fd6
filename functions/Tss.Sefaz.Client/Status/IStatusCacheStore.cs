using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Status;

/// <summary>
/// Storage of the shared status records, the part that makes the 3-minute rule hold across instances. The in-process
/// default is <see cref="InMemoryStatusCacheStore"/>; the host backs it with a table row per <see cref="StatusKey"/>,
/// using the entity ETag as <see cref="StatusCacheEntry.Version"/> (insert-if-absent and If-Match replace).
/// </summary>
public interface IStatusCacheStore
{
    /// <summary>The current record, or null when the authorizer was never asked.</summary>
    ValueTask<StatusCacheEntry?> ReadAsync(StatusKey key, CancellationToken ct);

    /// <summary>
    /// Compare-and-swap: if the record still is <paramref name="current"/> (same version; null = no record yet), writes
    /// a claim {AskedAt = <paramref name="now"/>, Pending, previous answer kept} and returns it; otherwise returns null
    /// (another caller claimed or wrote first).
    /// </summary>
    ValueTask<StatusCacheEntry?> TryClaimAsync(StatusKey key, StatusCacheEntry? current, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Ends a claim: stores <paramref name="answer"/> (received at <paramref name="now"/>), or, when it is null (the ask
    /// failed), only clears Pending. Does nothing when the record is no longer <paramref name="claim"/> (a newer claim
    /// replaced an abandoned one).
    /// </summary>
    ValueTask CompleteAsync(StatusKey key, StatusCacheEntry claim, RetConsStatServ? answer, DateTimeOffset now, CancellationToken ct);
}
