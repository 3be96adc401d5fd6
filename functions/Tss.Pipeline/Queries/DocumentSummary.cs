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

    /// <summary>Set while the document's lot is stuck (stopped restarting after repeated failures): what went wrong.
    /// The document may have reached SEFAZ; an operator's retry of the lot reconciles it by key.</summary>
    public string? Attention { get; init; }
    /// <summary>Set for an NF-e issued in EPEC contingency (tpEmis 4): its EPEC at the Ambiente Nacional, kept after the authorization.</summary>
    public EpecState? Epec { get; init; }

    /// <summary>The emission type, digit 35 of the key: 1 normal, 6 SVC-AN, 7 SVC-RS (contingency), …</summary>
    public int tpEmis => chNFe is { Length: 44 } && char.IsAsciiDigit(chNFe[34]) ? chNFe[34] - '0' : 1;

    /// <summary>The contingency authorizer the document was issued for ("SVC-AN", "SVC-RS"); null when issued normally.</summary>
    public string? Contingency => tpEmis switch
    {
        6 => "SVC-AN",
        7 => "SVC-RS",
        4 => "EPEC",
        _ => null,
    };
}
