using Tss.Protocol.Schemas;

namespace Tss.Pipeline.Ingest;

/// <summary>The answer for one submitted document: accepted (with its key and status) or refused (with a code).</summary>
public sealed record IngestedDocument(
    int Index,
    string? chNFe,
    string? ErpId,
    string? Status,
    string? ErrorCode,
    string? Error,
    IReadOnlyList<SchemaError>? SchemaErrors = null)
{
    public bool Accepted => ErrorCode is null;

    /// <summary>SEFAZ's answer when the document was sent within the request (indSinc=1); null when it was queued.</summary>
    public Sync.SyncAnswer? Sefaz { get; init; }

    /// <summary>Set for an NFC-e issued off-line (tpEmis 9): printable now, transmitted to the authorizer later.</summary>
    public Offline.OfflineState? Offline { get; init; }

    /// <summary>The stored document row (new, or the one already there) for an accepted document.</summary>
    internal Documents.DocumentRecord? Stored { get; init; }
}
