namespace Tss.Runtime.Queues;

/// <summary>
/// Handles the messages of one queue. Delivery is at least once: a message may be handled again after a crash,
/// a lost lease or a failed delete, so handlers are idempotent. Throwing leaves the message to be retried; after
/// the queue's maximum dequeue count it moves to the poison queue.
/// </summary>
/// <typeparam name="TMessage">The message record (ids only, never document bodies).</typeparam>
public interface IQueueHandler<in TMessage>
{
    /// <param name="message">The deserialized message.</param>
    /// <param name="context">Where the message came from and how often it was delivered.</param>
    /// <param name="ct">Cancelled when the host's shutdown timeout runs out while the handler is still running.</param>
    Task HandleAsync(TMessage message, QueueMessageContext context, CancellationToken ct);
}
