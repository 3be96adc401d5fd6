namespace Tss.Pipeline.Queries;

/// <summary>The ERP-facing state of one document (no XML).</summary>
public sealed record DocumentSummary(
    string chNFe,
    string Cnpj,
    string? ErpId,
    string Status,
    int? cStat,
    string? xMotivo,
    string? nProt,
    DateTimeOffset? dhRecbto,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    bool HasProcNFe)
{
    /// <summary>Set for an NFC-e issued off-line (tpEmis 9): its transmission limit and whether it is near.</summary>
    public Offline.OfflineState? Offline { get; init; }
}
