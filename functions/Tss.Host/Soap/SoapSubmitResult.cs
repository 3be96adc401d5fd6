namespace Tss.Host.Soap;

/// <summary>Answer of Submit: per-document results in request order.</summary>
public sealed class SoapSubmitResult
{
    public int Accepted { get; set; }
    public int Refused { get; set; }
    public SoapDocumentResult[] Documents { get; set; } = [];
}

/// <summary>
/// Accepted (chNFe + status) or refused (error code + message) — one submitted document. A document sent within the
/// request (indSinc=1: NFC-e, or a single NF-e with sync) also carries SEFAZ's final answer (cStat, xMotivo, nProt),
/// as the REST answer's <c>sefaz</c> does.
/// </summary>
public sealed class SoapDocumentResult
{
    public int Index { get; set; }
    public string? chNFe { get; set; }
    public string? ErpId { get; set; }
    public string? Status { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    public DateTime? dhRecbto { get; set; }
}
