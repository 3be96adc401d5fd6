namespace Tss.Host.Soap;

/// <summary>One NFe sent over SOAP: the XML as text and the ERP's own id (optional).</summary>
public sealed class SoapDocument
{
    public string? Xml { get; set; }
    public string? ErpId { get; set; }
}
