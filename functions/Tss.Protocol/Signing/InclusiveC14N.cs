using System.Xml;
using Tss.Protocol.Signing.Internal;

namespace Tss.Protocol.Signing;

/// <summary>
/// Canonical XML 1.0 without comments (http://www.w3.org/TR/2001/REC-xml-c14n-20010315) of one element's subtree, as
/// selected by a same-document Reference "#Id": the namespaces in scope from ancestors are rendered on the element,
/// inherited xml:* attributes too. This is the canonicalization SEFAZ uses for both the Reference and SignedInfo.
/// </summary>
/// <remarks>
/// <para>With <c>documentRoot</c>, the subtree is canonicalized as if that ancestor were the document element:
/// declarations above it do not count (a namespace still used by an element or attribute name is declared where used,
/// exactly as serializing the root alone would). The signing profile passes the element that holds the Signature
/// (NFe, evento, inutNFe): that element is the signed document. It is signed on its own and later travels inside
/// enviNFe, a SOAP envelope with xmlns:soap/xsi/xsd, or nfeProc; SEFAZ accepts such signatures, so envelope
/// declarations must not enter the canonical form.</para>
/// <para>Without it, the result is plain document-subset C14N over the whole ancestry, as xmlsec1 or SignedXml compute
/// for the element in place.</para>
/// </remarks>
public static class InclusiveC14N
{
    /// <summary>The algorithm URI.</summary>
    public const string Algorithm = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    /// <summary>The canonical UTF-8 bytes of <paramref name="element"/>'s subtree, minus <paramref name="exclude"/>'s
    /// subtree when given (the enveloped-signature transform).</summary>
    /// <param name="documentRoot">An ancestor-or-self of <paramref name="element"/> to treat as the document element.</param>
    public static byte[] Canonicalize(XmlElement element, XmlElement? exclude = null, XmlElement? documentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        CheckRoot(element, documentRoot);
        var sink = new BufferSink();
        var writer = C14NWriter.Rent();
        try
        {
            writer.Write(element, exclude, documentRoot, sink);
        }
        finally
        {
            C14NWriter.Return(writer);
        }

        return sink.Buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-1 of the canonical form, computed while canonicalizing (no canonical copy is kept).</summary>
    public static byte[] ComputeSha1(XmlElement element, XmlElement? exclude = null, XmlElement? documentRoot = null)
    {
        var digest = new byte[20];
        ComputeSha1(element, exclude, documentRoot, digest);
        return digest;
    }

    internal static void ComputeSha1(XmlElement element, XmlElement? exclude, XmlElement? documentRoot, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(element);
        CheckRoot(element, documentRoot);
        var writer = C14NWriter.Rent();
        try
        {
            writer.ComputeSha1(element, exclude, documentRoot, destination);
        }
        finally
        {
            C14NWriter.Return(writer);
        }
    }

    private static void CheckRoot(XmlElement element, XmlElement? documentRoot)
    {
        for (XmlNode? node = element; documentRoot is not null; node = node.ParentNode)
        {
            if (node is null)
            {
                throw new ArgumentException("documentRoot must be the element or one of its ancestors.", nameof(documentRoot));
            }

            if (ReferenceEquals(node, documentRoot))
            {
                return;
            }
        }
    }
}
