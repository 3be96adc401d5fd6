namespace Tss.Runtime.Queues;

/// <summary>Puts messages on queues (creating a queue on first use if it does not exist yet).</summary>
public interface IQueueSender
{
    /// <summary>Sends a message, visible at once or after <paramref name="visibilityDelay"/> (at most 7 days, real time).</summary>
    /// <remarks>Messages never expire: a pipeline must not lose work because it sat in a queue for a week.</remarks>
    Task SendAsync<TMessage>(string queueName, TMessage message, TimeSpan? visibilityDelay = null, CancellationToken ct = default);
}
