using Microsoft.Extensions.Logging;

namespace Tss.Durable.Internal;

/// <summary>All log messages of the Durable engine, with stable event ids (9xx).</summary>
internal static partial class Log
{
    [LoggerMessage(900, LogLevel.Information, "Durable sidecar on task hub {TaskHub} listening on 127.0.0.1:{Port} ({PartitionCount} partitions)")]
    public static partial void SidecarStarted(ILogger logger, string taskHub, int port, int partitionCount);

    [LoggerMessage(901, LogLevel.Information, "Durable sidecar on task hub {TaskHub} stopped in {ElapsedMs} ms")]
    public static partial void SidecarStopped(ILogger logger, string taskHub, long elapsedMs);

    [LoggerMessage(902, LogLevel.Warning, "Durable shutdown step {Step} did not finish within the shutdown timeout; continuing (held work reappears after its visibility timeout)")]
    public static partial void StopStepTimedOut(ILogger logger, string step);

    [LoggerMessage(903, LogLevel.Warning, "Durable shutdown step {Step} failed; continuing")]
    public static partial void StopStepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(910, LogLevel.Information, "Durable purge removed the history of {Count} instances created before {CreatedBefore:O}")]
    public static partial void Purged(ILogger logger, int count, DateTime createdBefore);

    [LoggerMessage(911, LogLevel.Warning, "Durable purge failed; retrying at the next interval")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);
}
