using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace Tss.Runtime.Leases;

/// <summary>
/// A held singleton: renewed in the background until disposed, then released so another instance can take it at
/// once. If a renewal fails the lease may already belong to someone else: <see cref="LeaseLost"/> is cancelled and
/// the holder should stop its singleton work.
/// </summary>
public sealed class BlobLeaseHandle : IAsyncDisposable
{
    private readonly BlobLeaseClient lease;
    private readonly TimeSpan renewInterval;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task renewal;
    private int disposed;

    internal BlobLeaseHandle(string key, BlobLeaseClient lease, TimeSpan renewInterval, ILogger logger)
    {
        Key = key;
        this.lease = lease;
        this.renewInterval = renewInterval;
        this.logger = logger;
        LeaseLost = lost.Token;
        renewal = RenewAsync(stop.Token);
    }

    /// <summary>The singleton key.</summary>
    public string Key { get; }

    /// <summary>The lease id on the blob.</summary>
    public string LeaseId => lease.LeaseId;

    /// <summary>Cancelled when the lease could not be renewed (work guarded by it must stop).</summary>
    public CancellationToken LeaseLost { get; }

    /// <summary>Stops renewing and releases the lease (best effort: an unreleased lease expires by itself).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stop.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!lost.IsCancellationRequested)
        {
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
                Log.LeaseReleased(logger, Key);
            }
            catch (Azure.RequestFailedException)
            {
                // Already expired or taken over: nothing to release.
            }
        }
        stop.Dispose();
        lost.Dispose();
    }

    /// <remarks>Lease expiry is real time on the service, so renewal runs on the real clock.</remarks>
    private async Task RenewAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(renewInterval, TimeProvider.System, ct).ConfigureAwait(false);
                await lease.RenewAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LeaseLost(logger, e, Key);
                await lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
