using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Debug, Message = "Lot {LotId} of {Partition} is already started")]
    internal static partial void LotAlreadyStarted(ILogger logger, string lotId, string partition);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Error, Message = "Lot {LotId} of {Partition}: a step failed after all its retries ({ErrorType}: {Error}); restart {Restart} from its last recorded step in {Wait}")]
    internal static partial void LotRestarting(ILogger logger, string lotId, string partition, string errorType, string error, int restart, TimeSpan wait);
}
