using Microsoft.Extensions.Logging;

namespace Tss.Tenancy;

/// <summary>Log messages of the credits (event ids 35xx). Never an e-mail body.</summary>
internal static partial class Log
{
    [LoggerMessage(3501, LogLevel.Information, "Tenant {TenantId} topped up with {Credits} credits (reference {Reference}); balance {Balance}")]
    public static partial void ToppedUp(ILogger logger, string tenantId, long credits, string reference, long balance);

    [LoggerMessage(3502, LogLevel.Warning, "Tenant {TenantId} credit balance {Balance} fell below its threshold {Threshold}; e-mail queued")]
    public static partial void LowBalance(ILogger logger, string tenantId, long balance, long threshold);

    [LoggerMessage(3503, LogLevel.Information, "Low-balance e-mail of tenant {TenantId} sent")]
    public static partial void LowBalanceMailed(ILogger logger, string tenantId);

    [LoggerMessage(3504, LogLevel.Warning, "Low-balance e-mail of tenant {TenantId} dropped: SMTP is not configured")]
    public static partial void LowBalanceMailDisabled(ILogger logger, string tenantId);

    [LoggerMessage(3505, LogLevel.Warning, "Low-balance e-mail of tenant {TenantId} not sent ({Error}); retried by the queue")]
    public static partial void LowBalanceMailFailed(ILogger logger, string tenantId, string error);

    [LoggerMessage(3506, LogLevel.Information, "Tenant {TenantId} topped up: {Partitions} partitions with documents awaiting credits woken")]
    public static partial void Woken(ILogger logger, string tenantId, int partitions);
}
