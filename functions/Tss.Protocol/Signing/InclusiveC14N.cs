using System.Xml;
using Tss.Protocol.Signing.Internal;

namespace Tss.Protocol.Signing;

/// <summary>
/// Canonical XML 1.0 without comments (http://www.w3.org/TR/2001/REC-xml-c14n-20010315) of one element's subtree, as
/// selected by a same-document Reference "#Id": the namespaces in scope from ancestors are rendered on the element,
/// inherited xml:* attributes too. This is the canonicalization SEFAZ uses for both the Reference and SignedInfo.
/// </summary>
public static class InclusiveC14N
{
    /// <summary>The algorithm URI.</summary>
    public const string Algorithm = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    /// <summary>The canonical UTF-8 bytes of <paramref name="element"/>'s subtree, minus <paramref name="exclude"/>'s
    /// subtree when given (the enveloped-signature transform).</summary>
    public static byte[] Canonicalize(XmlElement element, XmlElement? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        var sink = new BufferSink();
        var writer = C14NWriter.Rent();
        try
        {
            writer.Write(element, exclude, sink);
        }
        finally
        {
            C14NWriter.Return(writer);
        }

        return sink.Buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-1 of the canonical form, computed while canonicalizing (no canonical copy is kept).</summary>
    public static byte[] ComputeSha1(XmlElement element, XmlElement? exclude = null)
    {
        var digest = new byte[20];
        ComputeSha1(element, exclude, digest);
        return digest;
    }

    internal static void ComputeSha1(XmlElement element, XmlElement? exclude, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(element);
        var writer = C14NWriter.Rent();
        try
        {
            writer.ComputeSha1(element, exclude, destination);
        }
        finally
        {
            C14NWriter.Return(writer);
        }
    }
}
