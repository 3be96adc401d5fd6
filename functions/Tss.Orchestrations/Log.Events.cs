using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1940, Level = LogLevel.Debug, Message = "Event batch {BatchId} of {Partition} is already running; start ignored")]
    internal static partial void EventBatchAlreadyRunning(ILogger logger, string batchId, string partition);

    [LoggerMessage(EventId = 1941, Level = LogLevel.Debug, Message = "EPEC orchestration of {Key} is already running; start ignored")]
    internal static partial void EpecAlreadyRunning(ILogger logger, string key);
}
