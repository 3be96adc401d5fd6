namespace Tss.Host;

/// <summary>Log messages of the host, with stable event ids (4xxx). Never a key, password or document body.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Submission for tenant {TenantId} entity {Cnpj}: {Accepted} accepted, {Refused} refused")]
    public static partial void Submitted(ILogger logger, string tenantId, string cnpj, int accepted, int refused);

    [LoggerMessage(4002, LogLevel.Information, "Idempotent replay for tenant {TenantId} (status {StatusCode})")]
    public static partial void Replayed(ILogger logger, string tenantId, int statusCode);

    [LoggerMessage(4003, LogLevel.Warning, "Request refused for tenant {TenantId}: {Code}")]
    public static partial void Refused(ILogger logger, string? tenantId, string code);

    [LoggerMessage(4004, LogLevel.Warning, "API key refused ({Reason})")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(4005, LogLevel.Warning, "Could not store the idempotent answer for tenant {TenantId}; a retry with the same key will run again")]
    public static partial void IdempotencyStoreFailed(ILogger logger, string tenantId);
}
