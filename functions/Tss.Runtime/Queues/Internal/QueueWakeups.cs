using System.Collections.Concurrent;

namespace Tss.Runtime.Queues.Internal;

/// <summary>
/// In-process nudges between a sender and the listener of the same queue in this instance: a message sent here
/// wakes the local listener from its idle back-off when the message becomes visible, instead of after the back-off.
/// Other instances still find it by polling; this only removes the idle wait when the producer is local (always the
/// case for a single instance, and for timers the same instance scheduled).
/// </summary>
internal sealed class QueueWakeups
{
    private readonly ConcurrentDictionary<string, Signal> signals = new(StringComparer.Ordinal);

    /// <summary>A message on <paramref name="queueName"/> becomes visible after <paramref name="visibleAfter"/> (real time).</summary>
    public void Notify(string queueName, TimeSpan visibleAfter)
    {
        var signal = signals.GetOrAdd(queueName, static _ => new Signal());
        if (visibleAfter <= TimeSpan.Zero)
        {
            signal.Set();
            return;
        }
        // Slightly after the visibility time, so the receive finds the message rather than racing the service's clock.
        ITimer? timer = null;
        timer = TimeProvider.System.CreateTimer(_ =>
        {
            signal.Set();
            timer?.Dispose();
        }, null, visibleAfter + TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits <paramref name="delay"/> or until a message on the queue is announced, whichever comes first.</summary>
    /// <returns>True when woken by an announcement.</returns>
    public async Task<bool> WaitAsync(string queueName, TimeSpan delay, CancellationToken ct)
    {
        var signal = signals.GetOrAdd(queueName, static _ => new Signal());
        try
        {
            return await signal.WaitAsync(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed class Signal
    {
        private readonly SemaphoreSlim semaphore = new(0, 1);

        public void Set()
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one pending wake-up covers every message sent meanwhile.
            }
        }

        public Task<bool> WaitAsync(TimeSpan delay, CancellationToken ct) => semaphore.WaitAsync(delay, ct);
    }
}
