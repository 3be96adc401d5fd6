using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Debug, Message = "Lot {LotId} of {Partition} is already started")]
    internal static partial void LotAlreadyStarted(ILogger logger, string lotId, string partition);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Error, Message = "Lot {LotId} of {Partition}: a step failed after all its retries ({Error}); restart {Restart} from its last recorded step in {Wait}")]
    internal static partial void LotRestarting(ILogger logger, string lotId, string partition, string error, int restart, TimeSpan wait);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Error, Message = "Lot {LotId} of {Partition}: the orchestrator faulted ({Error}); restart {Restart} from its lot row in {Wait}")]
    internal static partial void LotFaulted(ILogger logger, string lotId, string partition, string error, int restart, TimeSpan wait);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Critical, Message = "Lot {LotId} of {Partition} is stuck after {Restarts} restarts over {FailingFor} ({Error}); its documents need attention and an operator's retry")]
    internal static partial void LotStuck(ILogger logger, string lotId, string partition, string error, int restarts, TimeSpan failingFor);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Warning, Message = "Lot {LotId} of {Partition}: retried by an operator; going on from its lot row")]
    internal static partial void LotRetried(ILogger logger, string lotId, string partition);

    [LoggerMessage(EventId = 1906, Level = LogLevel.Warning, Message = "Lot {LotId} of {Partition}: its attention mark could not be written ({Error})")]
    internal static partial void LotMarkFailed(ILogger logger, string lotId, string partition, string error);

    [LoggerMessage(EventId = 1907, Level = LogLevel.Warning, Message = "Lot {LotId} of {Partition}: retry requested by {Who}")]
    internal static partial void LotRetryRequested(ILogger logger, string lotId, string partition, string who);
}
