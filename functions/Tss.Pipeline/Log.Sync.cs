using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1651, Level = LogLevel.Information, Message = "{chNFe} sent synchronously in lot {IdLote}: {Status}")]
    internal static partial void SyncEmitted(ILogger logger, string chNFe, long idLote, string? status);

    [LoggerMessage(EventId = 1652, Level = LogLevel.Warning, Message = "{chNFe} in lot {LotId}: outcome not known in the request ({Status}); the lot's orchestration takes over")]
    internal static partial void SyncHandedOver(ILogger logger, string chNFe, string lotId, string? status);

    [LoggerMessage(EventId = 1654, Level = LogLevel.Warning, Message = "{chNFe} was left by its synchronous request in lot {LotId}; recovering it")]
    internal static partial void SyncRecovered(ILogger logger, string chNFe, string lotId);

    [LoggerMessage(EventId = 1653, Level = LogLevel.Debug, Message = "{chNFe} was claimed by a lot before this request could send it")]
    internal static partial void SyncClaimLost(ILogger logger, string chNFe);
}
