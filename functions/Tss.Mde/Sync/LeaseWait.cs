using Tss.Runtime.Leases;

namespace Tss.Mde.Sync;

/// <summary>Waits (real time) for a cursor's lease held by a running sync or query of the same CNPJ.</summary>
internal static class LeaseWait
{
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.Busy"/> when it is still held after <paramref name="wait"/>.</exception>
    public static async Task<BlobLeaseHandle> AcquireAsync(BlobLeaseSingleton leases, string key, TimeSpan wait, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow() + wait;
        while (true)
        {
            if (await leases.TryAcquireAsync(key, ct).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }
            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                throw new MdeException(MdeErrorCodes.Busy, "Uma sincronização desta empresa com a SEFAZ está em andamento; tente novamente em alguns minutos.");
            }
            // Real time on purpose: the lease is held in real time, whatever the service clock's scale.
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, ct).ConfigureAwait(false);
        }
    }
}
