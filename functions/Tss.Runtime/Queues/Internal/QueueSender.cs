using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;

namespace Tss.Runtime.Queues.Internal;

/// <summary>Sends envelopes; creates a missing queue once, on the first 404, instead of checking before every send.</summary>
internal sealed class QueueSender(StorageClients storage, IOptions<QueueSerializationOptions> serialization, QueueWakeups wakeups) : IQueueSender
{
    /// <summary>Never expire (-1): visibility up to 7 days is only allowed below the time-to-live, and work must not vanish.</summary>
    internal static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>Longest visibility delay Azure Storage accepts.</summary>
    internal static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, QueueClient> queues = new(StringComparer.Ordinal);

    public Task SendAsync<TMessage>(string queueName, TMessage message, TimeSpan? visibilityDelay = null, CancellationToken ct = default)
    {
        var delay = visibilityDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "A visibility delay is between 0 and 7 days; longer waits are durable timers in an orchestration.");
        }
        // The service counts visibility in whole seconds; round up so a delayed message never shows early.
        var seconds = TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
        return SendTextAsync(queueName, QueueEnvelope.Write(message, serialization.Value.SerializerOptions), seconds, ct);
    }

    internal async Task SendTextAsync(string queueName, string text, TimeSpan visibilityDelay, CancellationToken ct)
    {
        if (!QueueNames.IsValid(queueName) && !queueName.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name.", nameof(queueName));
        }
        var queue = queues.GetOrAdd(queueName, storage.GetQueue);
        try
        {
            await queue.SendMessageAsync(text, visibilityDelay, NeverExpires, ct).ConfigureAwait(false);
            wakeups.Notify(queueName, visibilityDelay);
            return;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await queue.SendMessageAsync(text, visibilityDelay, NeverExpires, ct).ConfigureAwait(false);
        }
        wakeups.Notify(queueName, visibilityDelay);
    }
}
