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
}
