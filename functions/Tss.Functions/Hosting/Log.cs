using Microsoft.Extensions.Logging;

namespace Tss.Functions.Hosting;

/// <summary>The Functions app's log messages (EventIds 8000–8999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Purged the history of {Count} finished orchestrations created before {CreatedBefore:o}")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset createdBefore);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Re-armed {Count} MD-e cursor orchestrations")]
    public static partial void Rearmed(ILogger logger, int count);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Queue message {MessageId} of {QueueName} is not its queue's envelope (delivery {DequeueCount}); the trigger retries, then moves it to the poison queue")]
    public static partial void InvalidMessage(ILogger logger, string queueName, string messageId, long dequeueCount);
}
