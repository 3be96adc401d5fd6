using Microsoft.Extensions.Logging;
using Tss.Pipeline.Distribution;

namespace Tss.Pipeline;

/// <summary>Log messages of the distribution stage (event ids 14xx). Never logs secrets, URLs' query strings or documents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Distribute {Partition}: no target for tenant {TenantId} entity {Cnpj}; {Count} documents stay available for polling")]
    public static partial void NoTargets(ILogger logger, string partition, string tenantId, string cnpj, int count);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel} to {Target}) attempt {Attempt}: {State} in {DurationMs} ms ({Error})")]
    public static partial void Attempted(ILogger logger, string deliveryId, DeliveryChannel channel, string target, int attempt, DeliveryState state, long durationMs, string? error);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel} to {Target}) given up after {Attempt} attempts: {Error}")]
    public static partial void GivenUp(ILogger logger, string deliveryId, DeliveryChannel channel, string target, int attempt, string? error);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Tenant {TenantId} entity {Cnpj} asks for e-mail but no SMTP server is configured (Smtp:Host)")]
    public static partial void SmtpNotConfigured(ILogger logger, string tenantId, string cnpj);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Debug, Message = "Distribute {Partition}: delivery {DeliveryId} has nothing due (done, or its retries run elsewhere)")]
    public static partial void NothingDue(ILogger logger, string partition, string deliveryId);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the log changed concurrently; the other writer's record stands")]
    public static partial void LogConflict(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "Tenant {TenantId} entity {Cnpj}: e-mail target is not a valid address list; e-mail skipped")]
    public static partial void InvalidEmail(ILogger logger, string tenantId, string cnpj);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel}): retries started as {InstanceId}, attempt {Attempt} due at {DueAt:o}")]
    public static partial void RetriesStarted(ILogger logger, string deliveryId, DeliveryChannel channel, string instanceId, int attempt, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "DANFE of {chNFe} could not be rendered ({Code}); the e-mail carries the XML only")]
    public static partial void DanfeFailed(ILogger logger, string chNFe, string code);
}
