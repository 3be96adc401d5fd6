namespace Tss.Runtime.Queues;

/// <summary>A received message that is not the envelope of its queue's message type.</summary>
public sealed class InvalidQueueMessageException : Exception
{
    public InvalidQueueMessageException()
    {
    }

    public InvalidQueueMessageException(string message) : base(message)
    {
    }

    public InvalidQueueMessageException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InvalidQueueMessageException(string queueName, string messageId, string messageType)
        : base($"Message {messageId} of queue {queueName} is not a {messageType} message.")
    {
        QueueName = queueName;
        MessageId = messageId;
    }

    /// <summary>The queue the message came from.</summary>
    public string? QueueName { get; }

    /// <summary>The storage message id.</summary>
    public string? MessageId { get; }
}
