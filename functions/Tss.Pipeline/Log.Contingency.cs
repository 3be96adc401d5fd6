using Microsoft.Extensions.Logging;
using Tss.Pipeline.Contingency;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1670, Level = LogLevel.Warning, Message = "Contingency decision for {Authorizer}: {From} → {To} ({Trigger}): {Message}")]
    internal static partial void ContingencyDecided(ILogger logger, string authorizer, ContingencyMode from, ContingencyMode to, string trigger, string message);

    [LoggerMessage(EventId = 1671, Level = LogLevel.Debug, Message = "Contingency state of {Authorizer} changed under us (attempt {Attempt}); deciding again")]
    internal static partial void ContingencyConflict(ILogger logger, string authorizer, int attempt);

    [LoggerMessage(EventId = 1672, Level = LogLevel.Information, Message = "Contingency override on {Target}: {Imposed} (by {Who})")]
    internal static partial void ContingencyOverride(ILogger logger, string target, OperatorOverride imposed, string? who);

    [LoggerMessage(EventId = 1673, Level = LogLevel.Warning, Message = "Contingency signal {Kind} for {Authorizer} could not be recorded")]
    internal static partial void ContingencyReportFailed(ILogger logger, Exception e, string authorizer, ContingencySignalKind kind);

    [LoggerMessage(EventId = 1674, Level = LogLevel.Warning, Message = "Contingency status probe round failed")]
    internal static partial void ContingencyProbeFailed(ILogger logger, Exception e);
}
