using Microsoft.Extensions.Logging;

namespace Tss.Runtime;

/// <summary>All log messages of the runtime, with stable event ids (1xx queues, 2xx timers, 4xx leases).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Listening on queue {Queue} (batch {BatchSize}, concurrency {MaxConcurrency}, visibility {VisibilityTimeout})")]
    public static partial void ListenerStarted(ILogger logger, string queue, int batchSize, int maxConcurrency, TimeSpan visibilityTimeout);

    [LoggerMessage(101, LogLevel.Information, "Stopped listening on queue {Queue}")]
    public static partial void ListenerStopped(ILogger logger, string queue);

    [LoggerMessage(102, LogLevel.Warning, "Receiving from queue {Queue} failed; retrying after {Delay}")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queue, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "Handler for queue {Queue} failed on message {MessageId} (delivery {DequeueCount} of {MaxDequeueCount})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(104, LogLevel.Error, "Message {MessageId} moved from queue {Queue} to its poison queue after {DequeueCount} deliveries: {Reason}")]
    public static partial void MovedToPoison(ILogger logger, string queue, string messageId, long dequeueCount, string reason);

    [LoggerMessage(105, LogLevel.Warning, "Could not extend the lease of message {MessageId} on queue {Queue}; another consumer may handle it too")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(106, LogLevel.Warning, "Message {MessageId} on queue {Queue} was handled but could not be deleted (lease lost); it will be delivered again")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(107, LogLevel.Warning, "Handler for queue {Queue} was cancelled by shutdown on message {MessageId}; releasing it to other consumers")]
    public static partial void HandlerCancelledAtShutdown(ILogger logger, string queue, string messageId);

    [LoggerMessage(108, LogLevel.Warning, "Could not settle message {MessageId} on queue {Queue} after its handler ran; it will reappear when its lease ends")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(400, LogLevel.Debug, "Acquired singleton lease {Key}")]
    public static partial void LeaseAcquired(ILogger logger, string key);

    [LoggerMessage(401, LogLevel.Warning, "Lost singleton lease {Key}: renewal failed")]
    public static partial void LeaseLost(ILogger logger, Exception exception, string key);

    [LoggerMessage(402, LogLevel.Debug, "Released singleton lease {Key}")]
    public static partial void LeaseReleased(ILogger logger, string key);
}
