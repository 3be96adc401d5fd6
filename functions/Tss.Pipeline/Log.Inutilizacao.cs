using Microsoft.Extensions.Logging;

namespace Tss.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Inutilização {Id} of tenant {TenantId}: {Status} {cStat}")]
    internal static partial void InutilizacaoAnswered(ILogger logger, string tenantId, string id, string status, int cStat);

    [LoggerMessage(EventId = 1422, Level = LogLevel.Error, Message = "procInutNFe {Id} does not validate: {Error}")]
    internal static partial void InutilizacaoProcInvalid(ILogger logger, string id, string error);
}
