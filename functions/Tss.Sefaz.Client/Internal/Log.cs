using Microsoft.Extensions.Logging;

namespace Tss.Sefaz.Client.Internal;

/// <summary>Source-generated log messages of the SEFAZ client. Never logs certificates or documents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "SEFAZ {Service} at {Authorizer} answered HTTP {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, SefazService service, string authorizer, int status, long elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "SEFAZ {Service} at {Authorizer} failed with sefaz.{Code} after {ElapsedMs} ms (outcome unknown: {OutcomeUnknown}): {Reason}")]
    public static partial void Failed(ILogger logger, SefazService service, string authorizer, SefazErrorCode code, long elapsedMs, bool outcomeUnknown, string reason);
}
