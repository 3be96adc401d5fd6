using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1693, Level = LogLevel.Warning, Message = "NF-e {Key} issued in EPEC contingency (tpEmis 4); its EPEC is registered at the Ambiente Nacional before it is transmitted")]
    internal static partial void EpecIssued(ILogger logger, string key);

    [LoggerMessage(EventId = 1694, Level = LogLevel.Information, Message = "EPEC of {Key} registered at the Ambiente Nacional: cStat {CStat}, nProt {NProt}")]
    internal static partial void EpecRegistered(ILogger logger, string key, int cStat, string? nProt);

    [LoggerMessage(EventId = 1695, Level = LogLevel.Warning, Message = "EPEC of {Key} refused by the Ambiente Nacional: {CStat} {XMotivo}")]
    internal static partial void EpecRefused(ILogger logger, string key, int cStat, string xMotivo);

    [LoggerMessage(EventId = 1696, Level = LogLevel.Warning, Message = "EPEC of {Key}: no usable answer ({Reason}); sent again after {Delay}, a registration being confirmed by 573")]
    internal static partial void EpecRetry(ILogger logger, string key, string reason, TimeSpan delay);
}
