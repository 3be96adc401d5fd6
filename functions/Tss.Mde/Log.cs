using Microsoft.Extensions.Logging;

namespace Tss.Mde;

/// <summary>Log messages of MD-e (event ids 18xx). Never logs documents or certificates.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Debug, Message = "DistDFe {Cnpj}/{Model} distNSU {Requested}: cStat {CStat}, ultNSU {UltNsu}, maxNSU {MaxNsu}, {Documents} documents ({New} new)")]
    public static partial void Answered(ILogger logger, string cnpj, int model, long requested, int cStat, long ultNsu, long maxNsu, int documents, int @new);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "DistDFe {Cnpj}/{Model}: 656 consumo indevido ({XMotivo}); nothing is sent until {Until}")]
    public static partial void Blocked656(ILogger logger, string cnpj, int model, string xMotivo, DateTimeOffset? until);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning, Message = "DistDFe {Cnpj}/{Model} interrupted at ultNSU {UltNsu}: {Error}; the next run resumes there")]
    public static partial void SyncInterrupted(ILogger logger, string cnpj, int model, long ultNsu, string error);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Information, Message = "MD-e sync {Cnpj}/{Model}: {Status} after {Calls} calls, {New} new documents; next run {NextRun}")]
    public static partial void Ran(ILogger logger, string cnpj, int model, string status, int calls, int @new, DateTimeOffset nextRun);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Warning, Message = "MD-e {Cnpj}: no entity with its own certificate (last tenant {TenantId}); its orchestration ends until one proves the CNPJ")]
    public static partial void EntityGone(ILogger logger, string tenantId, string cnpj);

    [LoggerMessage(EventId = 1806, Level = LogLevel.Information, Message = "Manifestação {TpEvento} of {Cnpj} for {ChNFe}: cStat {CStat}")]
    public static partial void Manifested(ILogger logger, string tpEvento, string cnpj, string chNFe, int cStat);

    [LoggerMessage(EventId = 1807, Level = LogLevel.Information, Message = "MD-e webhook {DeliveryId}: {Outcome} ({Error})")]
    public static partial void Notified(ILogger logger, string deliveryId, string outcome, string? error);

    [LoggerMessage(EventId = 1808, Level = LogLevel.Information, Message = "MD-e: {Count} cursor orchestrations ensured at start")]
    public static partial void Rearmed(ILogger logger, int count);

    [LoggerMessage(EventId = 1809, Level = LogLevel.Warning, Message = "MD-e {Cnpj}: the certificate of tenant {TenantId} cannot be used ({Error}); its MD-e is refused")]
    public static partial void CertificateUnusable(ILogger logger, string tenantId, string cnpj, string error);

    [LoggerMessage(EventId = 1810, Level = LogLevel.Information, Message = "MD-e {Cnpj}: history {Decision} to tenant {TenantId} by {By}")]
    public static partial void SharingDecided(ILogger logger, string cnpj, string tenantId, string decision, string by);

    [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "MD-e {Cnpj}: {Count} documents of the history copied to tenant {TenantId}")]
    public static partial void HistoryCopied(ILogger logger, string cnpj, string tenantId, int count);

    [LoggerMessage(EventId = 1812, Level = LogLevel.Information, Message = "MD-e {Cnpj}/{Model}: a query that never reached SEFAZ ({Code}) was given back to the hour's count")]
    public static partial void QueryRefunded(ILogger logger, string cnpj, int model, string code);
}
