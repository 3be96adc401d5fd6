using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "DANFE of {chNFe} rendered ({Bytes} bytes)")]
    internal static partial void DanfeRendered(ILogger logger, string chNFe, int bytes);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "DANFE of {chNFe} could not be cached (HTTP {Status} {ErrorCode}); served uncached")]
    internal static partial void DanfeCacheWriteFailed(ILogger logger, string chNFe, int status, string? errorCode);
}
