using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Tenant {TenantId} has no credits: {Count} documents of {Partition} await credits")]
    internal static partial void CreditAwaiting(ILogger logger, string tenantId, string partition, int count);
}
