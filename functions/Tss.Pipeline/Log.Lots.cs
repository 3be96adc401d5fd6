using Microsoft.Extensions.Logging;
using Tss.Pipeline.Lots;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Lot {IdLote} created in {Partition} with {Count} documents (indSinc={Sync})")]
    internal static partial void LotCreated(ILogger logger, string partition, long idLote, int count, bool sync);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Lot {IdLote} in {Partition} not created: documents were claimed concurrently")]
    internal static partial void LotClaimLost(ILogger logger, string partition, long idLote);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Lot {LotId} attempt {Attempt} was recorded without an answer; reconciling by key before any resend")]
    internal static partial void LotInterrupted(ILogger logger, string lotId, int attempt);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "procNFe of {chNFe} does not validate against procNFe_v4.00.xsd: {Error}")]
    internal static partial void LotProcInvalid(ILogger logger, string chNFe, string error);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Debug, Message = "Lot {LotId} step {Action} was called {EarlyMs:F0} ms before its wait ended; holding it")]
    internal static partial void LotCalledEarly(ILogger logger, string lotId, LotAction action, double earlyMs);
}
