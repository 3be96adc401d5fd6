using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Debug, Message = "Lot {LotId} of {Partition} is already started")]
    internal static partial void LotAlreadyStarted(ILogger logger, string lotId, string partition);
}
