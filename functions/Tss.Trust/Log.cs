using Microsoft.Extensions.Logging;

namespace Tss.Trust;

/// <summary>Log messages of the trust checks, with stable event ids (7xxx). Never a key or a whole certificate.</summary>
internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Trust anchors loaded: {Count} ({Names}); {Intermediates} configured intermediates, {CrlFiles} CRL files, revocation {Mode}")]
    public static partial void AnchorsLoaded(ILogger logger, int count, string names, int intermediates, int crlFiles, TrustRevocationMode mode);

    [LoggerMessage(7002, LogLevel.Information, "Certificate {Subject} ({Thumbprint}) refused: {Status} ({Detail})")]
    public static partial void ChainRefused(ILogger logger, string subject, string thumbprint, ChainStatus status, string detail);

    [LoggerMessage(7003, LogLevel.Warning, "Certificate {Subject} ({Thumbprint}) accepted without a revocation check: {Detail}")]
    public static partial void AcceptedWithoutRevocation(ILogger logger, string subject, string thumbprint, string detail);

    [LoggerMessage(7004, LogLevel.Information, "CRL {Url} fetched: {Entries} entries, next update {NextUpdate:O}, {Bytes} bytes")]
    public static partial void CrlFetched(ILogger logger, Uri url, int entries, DateTimeOffset? nextUpdate, int bytes);

    [LoggerMessage(7005, LogLevel.Warning, "CRL {Url} unusable: {Reason}")]
    public static partial void CrlUnusable(ILogger logger, Uri url, string reason);
}
