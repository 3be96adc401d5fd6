using System.Xml;

namespace Tss.Pipeline.Ingest;

/// <summary>One document of an ingest request: the NFe XML and the ERP's own id for it (optional).</summary>
/// <param name="Xml">The NFe as text (JSON and SOAP bodies); empty when <see cref="Element"/> is given.</param>
/// <param name="ErpId">The ERP's id for the document.</param>
public sealed record IngestItem(string Xml, string? ErpId)
{
    /// <summary>
    /// The NFe element when the caller already parsed the request with <see cref="Tss.Protocol.Xml.SafeXml"/> (an XML
    /// body: NFe or enviNFe), so ingest signs it in place instead of serializing and parsing it a second time. It is
    /// changed in place (signature, NFC-e QR code).
    /// </summary>
    public XmlElement? Element { get; init; }

    /// <summary>An item for an NFe element of a document parsed with <c>XmlCommentPolicy.Refuse</c>.</summary>
    public static IngestItem Parsed(XmlElement nfe, string? erpId = null)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        return new IngestItem("", erpId) { Element = nfe };
    }
}
