using System.Text;
using System.Xml;
using Tss.Protocol.Xml.Internal;

namespace Tss.Protocol.Xml;

/// <summary>
/// The only way XML from outside enters the product: UTF-8 only, no DTD, no external resolution, a size cap, a
/// nesting depth cap checked while reading, and optionally no comments or processing instructions.
/// Whitespace is preserved (signatures depend on it).
/// </summary>
/// <remarks>
/// Why the depth cap: parsing itself is linear, but everything after it that walks a node's ancestors (DOM
/// serialization looks namespaces up through the open-element stack, C14N collects in-scope namespaces, schema
/// validation, SoapCore) costs O(depth) per node, so O(n²) on a document that is nothing but nesting: 100,000 nested
/// elements (700 KB) took 20 s of CPU. The reader refuses the first element deeper than <see cref="MaxDepth"/>, so a
/// hostile document costs at most the bytes read up to that element.
/// </remarks>
public static class SafeXml
{
    /// <summary>Default cap for one message: SEFAZ's 500 KB lot limit with headroom for envelopes.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Deepest element nesting accepted (the root is level 1). An NF-e needs fewer than 20 levels (NFe/infNFe/det/imposto/
    /// ICMS/ICMS00/… and Signature/KeyInfo/X509Data/X509Certificate), a SOAP envelope from SEFAZ with a procNFe inside
    /// fewer than 30; 64 leaves room for any legitimate envelope.
    /// </summary>
    public const int MaxDepth = 64;

    // Strict decoders: a replacement character would silently change signed content.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 bytes into a whitespace-preserving document or throws <see cref="XmlInputException"/>.</summary>
    /// <param name="utf8">The input.</param>
    /// <param name="maxBytes">Size cap, checked before anything is decoded.</param>
    /// <param name="comments">Keep comments and processing instructions, or refuse them (documents from ERPs).</param>
    public static XmlDocument Load(ReadOnlySpan<byte> utf8, int maxBytes = DefaultMaxBytes, XmlCommentPolicy comments = XmlCommentPolicy.Keep)
    {
        // The cap is checked before any decoding or parsing so an oversized body costs nothing.
        if (utf8.Length > maxBytes)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.TooLarge, $"The XML input has {utf8.Length} bytes; the limit is {maxBytes}.");
        }

        var body = utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
        if (body.IsEmpty)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Empty, "The XML input is empty.");
        }

        // NUL never occurs in XML 1.0; its presence means UTF-16/UTF-32 text without a BOM.
        if (body.Contains((byte)0))
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Encoding, "The XML input contains NUL bytes; it is not UTF-8.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Encoding, "The XML input is not valid UTF-8.", ex);
        }

        return Parse(text, maxBytes, comments);
    }

    /// <summary>Parses a string (already decoded) with the same rules as <see cref="Load(ReadOnlySpan{byte}, int, XmlCommentPolicy)"/>.</summary>
    public static XmlDocument Load(string xml, int maxBytes = DefaultMaxBytes, XmlCommentPolicy comments = XmlCommentPolicy.Keep)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // UTF-8 needs at least one byte per char: a long string is refused before counting.
        if (xml.Length > maxBytes)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.TooLarge, $"The XML input has more than {maxBytes} bytes.");
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(xml);
        }
        catch (EncoderFallbackException ex)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Encoding, "The XML input contains invalid UTF-16 (lone surrogate).", ex);
        }

        if (byteCount > maxBytes)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.TooLarge, $"The XML input has {byteCount} bytes; the limit is {maxBytes}.");
        }

        return Parse(xml.StartsWith('\uFEFF') ? xml[1..] : xml, maxBytes, comments);
    }

    /// <summary>Reader settings with DTD prohibited, no resolver and a character cap; for streaming parsers.</summary>
    public static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        // Without a DTD only the five predefined entities exist; this bounds them anyway.
        MaxCharactersFromEntities = maxCharacters,
        IgnoreWhitespace = false,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };

    private static XmlDocument Parse(string text, int maxBytes, XmlCommentPolicy comments)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Empty, "The XML input is empty.");
        }

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            // A UTF-8 character takes at least one byte, so the byte cap is also a valid character cap.
            using var reader = new GuardedXmlReader(XmlReader.Create(new StringReader(text), ReaderSettings(maxBytes)), MaxDepth, comments);
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            throw Classify(ex, text);
        }
        catch (ArgumentException ex)
        {
            // XmlDocument re-validates some nodes the reader let through (e.g. version="1.x" in the declaration).
            throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, $"The XML input is not well-formed: {ex.Message}", ex);
        }

        if (document.DocumentElement is null)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, "The XML input has no root element.");
        }

        // Text readers ignore the declared encoding, so a Latin-1 declaration would otherwise pass unnoticed.
        if (document.FirstChild is XmlDeclaration { Encoding: { Length: > 0 } declared } && !IsUtf8Name(declared))
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Encoding, $"The XML declaration names encoding '{declared}'; only UTF-8 is accepted.") { Line = 1 };
        }

        return document;
    }

    private static bool IsUtf8Name(string name) =>
        name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || name.Equals("UTF8", StringComparison.OrdinalIgnoreCase);

    private static XmlInputException Classify(XmlException ex, string text)
    {
        var line = ex.LineNumber > 0 ? ex.LineNumber : (int?)null;
        // The reader reports DTDs and the size cap only through its message; the DOCTYPE probe keeps the code stable
        // should the wording change.
        if (ex.Message.Contains("DTD", StringComparison.Ordinal) || text.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            return new XmlInputException(ProtocolErrorCodes.Xml.DtdProhibited, "The XML input carries a DTD (DOCTYPE), which is not accepted.", ex) { Line = line };
        }

        if (ex.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return new XmlInputException(ProtocolErrorCodes.Xml.TooLarge, "The XML input exceeds the size limit.", ex) { Line = line };
        }

        return new XmlInputException(ProtocolErrorCodes.Xml.Malformed, $"The XML input is not well-formed: {ex.Message}", ex) { Line = line };
    }
}
