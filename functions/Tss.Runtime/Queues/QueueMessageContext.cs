namespace Tss.Runtime.Queues;

/// <summary>Delivery facts of the message being handled.</summary>
/// <param name="QueueName">The queue it was received from.</param>
/// <param name="MessageId">The storage message id (stable across deliveries of the same message).</param>
/// <param name="DequeueCount">How many times it has been received, this delivery included (1 on the first).</param>
/// <param name="InsertedOn">When it was put on the queue (storage clock).</param>
public sealed record QueueMessageContext(
    string QueueName,
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn);
