using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1690, Level = LogLevel.Warning, Message = "NFC-e {OriginalKey} issued off-line as {OfflineKey}: the model-65 authorizer {Authorizer} is in contingency")]
    internal static partial void OfflineRekeyed(ILogger logger, string originalKey, string offlineKey, string authorizer);

    [LoggerMessage(EventId = 1691, Level = LogLevel.Information, Message = "NFC-e {Key} issued off-line (tpEmis 9); to be transmitted by {TransmitBy:O}")]
    internal static partial void OfflineIssued(ILogger logger, string key, DateTimeOffset transmitBy);

    [LoggerMessage(EventId = 1692, Level = LogLevel.Warning, Message = "Off-line NFC-e {Key} is still not authorized ({Status}) and its 24 h transmission limit is at {TransmitBy:O}")]
    internal static partial void OfflineNearLimit(ILogger logger, string key, string status, DateTimeOffset transmitBy);
}
