using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1441, Level = LogLevel.Information, Message = "Event requested for tenant {TenantId}: {chNFe} {tpEvento} #{nSeqEvento}")]
    internal static partial void EventRequested(ILogger logger, string tenantId, string chNFe, string tpEvento, int nSeqEvento);

    [LoggerMessage(EventId = 1442, Level = LogLevel.Information, Message = "Event {chNFe} {tpEvento} #{nSeqEvento}: {Status} {cStat}")]
    internal static partial void EventAnswered(ILogger logger, string chNFe, string tpEvento, int nSeqEvento, string status, int? cStat);

    [LoggerMessage(EventId = 1443, Level = LogLevel.Error, Message = "procEventoNFe of {chNFe} {tpEvento} #{nSeqEvento} does not validate: {Error}")]
    internal static partial void EventProcInvalid(ILogger logger, string chNFe, string tpEvento, int nSeqEvento, string error);

    [LoggerMessage(EventId = 1444, Level = LogLevel.Warning, Message = "Event batch {BatchId}: send {Send} was recorded without an answer; reconciling by key before any resend")]
    internal static partial void EventInterrupted(ILogger logger, string batchId, int send);

    [LoggerMessage(EventId = 1445, Level = LogLevel.Warning, Message = "Event batch {BatchId}: outcome unknown ({Code}); reconciling by key")]
    internal static partial void EventOutcomeUnknown(ILogger logger, string batchId, string code);

    [LoggerMessage(EventId = 1446, Level = LogLevel.Warning, Message = "Event batch {BatchId} not sent ({Code}); sending again after a durable wait")]
    internal static partial void EventSendFailed(ILogger logger, string batchId, string code);

    [LoggerMessage(EventId = 1447, Level = LogLevel.Warning, Message = "Consultation of {chNFe} for event reconciliation failed ({Code}); asking again after a durable wait")]
    internal static partial void EventConsultFailed(ILogger logger, string chNFe, string code);

    [LoggerMessage(EventId = 1448, Level = LogLevel.Warning, Message = "Event batch {BatchId} answered {cStat} at lot level (resend wait {Wait} when retryable)")]
    internal static partial void EventLotStatus(ILogger logger, string batchId, int cStat, TimeSpan wait);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Event batch {BatchId} cut in {Partition} with {Count} events")]
    internal static partial void EventCut(ILogger logger, string batchId, string partition, int count);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Debug, Message = "Events of {Partition}: another cutter claimed them first")]
    internal static partial void EventClaimLost(ILogger logger, string partition);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "Event batch {BatchId} of {Partition} idle for a minute; starting it again (a no-op if it runs)")]
    internal static partial void EventRestart(ILogger logger, string batchId, string partition);
}
