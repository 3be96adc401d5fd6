using System.Security.Cryptography;
using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>
/// Canonical XML 1.0 (W3C REC-xml-c14n-20010315, without comments) of the document subset made of one element and its
/// descendants (what a same-document Reference "#Id" selects), optionally minus one excluded subtree (the
/// enveloped-signature transform). Output is UTF-8, streamed in chunks into a sink, usually an incremental SHA-1.
/// </summary>
/// <remarks>
/// An optional document root makes the canonical form that of the subtree as if that ancestor were the document
/// element: namespace declarations above it are ignored (namespaces still used by names are declared where used, as a
/// serializer would). See <see cref="InclusiveC14N"/> for why the signature profile needs this.
/// </remarks>
/// <remarks>
/// Performance: one instance per thread (see <see cref="Rent"/>): the output buffer, the namespace stack, the scratch lists and the
/// SHA-1 context are reused, so canonicalizing a document allocates almost nothing. The traversal is iterative, so a
/// deeply nested hostile document cannot overflow the stack.
/// </remarks>
internal sealed partial class C14NWriter
{
    private const int BufferSize = 16 * 1024;

    [ThreadStatic]
    private static C14NWriter? t_cached;

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position;
    private ICanonicalSink? _sink;
    private HashSink? _sha1;
    private XmlElement? _documentRoot;

    private C14NWriter()
    {
    }

    /// <summary>Takes this thread's instance (or a new one when it is in use, e.g. re-entrantly).</summary>
    public static C14NWriter Rent()
    {
        var writer = t_cached ?? new C14NWriter();
        t_cached = null;
        return writer;
    }

    /// <summary>Gives the instance back to this thread's cache.</summary>
    public static void Return(C14NWriter writer)
    {
        writer.Reset();
        t_cached = writer;
    }

    /// <summary>Canonicalizes into <paramref name="destination"/>'s SHA-1 (20 bytes).</summary>
    public void ComputeSha1(XmlElement apex, XmlElement? exclude, XmlElement? documentRoot, Span<byte> destination)
    {
        // SEFAZ's profile mandates SHA-1 (PROTOCOL.md §6); it is not our choice.
#pragma warning disable CA5350
        _sha1 ??= new HashSink(IncrementalHash.CreateHash(HashAlgorithmName.SHA1));
#pragma warning restore CA5350
        try
        {
            Write(apex, exclude, documentRoot, _sha1);
        }
        catch
        {
            // Drop the partial input so the next use of this instance starts from an empty hash.
            _sha1.Hash.GetHashAndReset();
            throw;
        }

        _sha1.Hash.GetHashAndReset(destination);
    }

    /// <summary>Writes the canonical form of <paramref name="apex"/>'s subtree into <paramref name="sink"/>.</summary>
    public void Write(XmlElement apex, XmlElement? exclude, XmlElement? documentRoot, ICanonicalSink sink)
    {
        _sink = sink;
        _documentRoot = documentRoot;
        _position = 0;
        try
        {
            WriteSubtree(apex, exclude);
            Flush();
        }
        finally
        {
            Reset();
        }
    }

    private void WriteSubtree(XmlElement apex, XmlElement? exclude)
    {
        WriteStartElement(apex, isApex: true);
        XmlNode container = apex;
        XmlNode? node = apex.FirstChild;
        while (true)
        {
            if (node is null)
            {
                // All children of the container are done: close it and continue after it.
                if (container is XmlElement element)
                {
                    WriteEndElement(element);
                }

                if (ReferenceEquals(container, apex))
                {
                    return;
                }

                node = container.NextSibling;
                container = container.ParentNode!;
                continue;
            }

            switch (node)
            {
                case XmlElement element when !ReferenceEquals(element, exclude):
                    WriteStartElement(element, isApex: false);
                    container = element;
                    node = element.FirstChild;
                    continue;
                case XmlEntityReference reference:
                    // Only possible in documents built in code (parsing prohibits DTDs): render the replacement text.
                    container = reference;
                    node = reference.FirstChild;
                    continue;
                case XmlComment:
                    break;
                case XmlCharacterData text:
                    // Text, CDATA and (significant) whitespace are all text nodes in the XPath data model.
                    WriteEscapedText(text.Data);
                    break;
                case XmlProcessingInstruction instruction:
                    WriteProcessingInstruction(instruction);
                    break;
            }

            node = node.NextSibling;
        }
    }

    private void Reset()
    {
        _sink = null;
        _documentRoot = null;
        _position = 0;
        _scope.Clear();
        _frames.Clear();
        _declarations.Clear();
        _attributes.Clear();
    }
}
