namespace Tss.Host.Soap;

/// <summary>State of one document as the ERP sees it.</summary>
public sealed class SoapDocumentStatus
{
    public string chNFe { get; set; } = "";
    public string? ErpId { get; set; }
    public string Status { get; set; } = "";
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    /// <summary>UTC (the WSDL generator knows DateTime, not DateTimeOffset).</summary>
    public DateTime? dhRecbto { get; set; }
    public DateTime ReceivedAt { get; set; }
    public bool HasProcNFe { get; set; }
}
