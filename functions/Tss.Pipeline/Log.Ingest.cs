using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Ingested for tenant {TenantId} entity {Cnpj}: {Accepted} accepted, {Refused} refused")]
    internal static partial void Ingested(ILogger logger, string tenantId, string cnpj, int accepted, int refused);
}
