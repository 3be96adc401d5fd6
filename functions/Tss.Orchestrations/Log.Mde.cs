using Microsoft.Extensions.Logging;

namespace Tss.Orchestrations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1950, Level = LogLevel.Debug, Message = "MD-e cursor orchestration {InstanceId} already running; start ignored")]
    internal static partial void MdeAlreadyRunning(ILogger logger, string instanceId);
}
