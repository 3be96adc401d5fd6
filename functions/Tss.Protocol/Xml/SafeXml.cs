using System.Text;
using System.Xml;

namespace Tss.Protocol.Xml;

/// <summary>
/// The only way XML from outside enters the product: UTF-8 only, no DTD, no external resolution, a size cap.
/// Whitespace is preserved (signatures depend on it).
/// </summary>
public static class SafeXml
{
    /// <summary>Default cap for one message: SEFAZ's 500 KB lot limit with headroom for envelopes.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    // Strict decoders: a replacement character would silently change signed content.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 bytes into a whitespace-preserving document or throws <see cref="XmlInputException"/>.</summary>
    public static XmlDocument Load(ReadOnlySpan<byte> utf8, int maxBytes = DefaultMaxBytes)
    {
        // The cap is checked before any decoding or parsing so an oversized body costs nothing.
        if (utf8.Length > maxBytes)
        {
            throw new XmlInputException(XmlErrorCodes.TooLarge, $"The XML input has {utf8.Length} bytes; the limit is {maxBytes}.");
        }

        var body = utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
        if (body.IsEmpty)
        {
            throw new XmlInputException(XmlErrorCodes.Empty, "The XML input is empty.");
        }

        // NUL never occurs in XML 1.0; its presence means UTF-16/UTF-32 text without a BOM.
        if (body.Contains((byte)0))
        {
            throw new XmlInputException(XmlErrorCodes.Encoding, "The XML input contains NUL bytes; it is not UTF-8.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new XmlInputException(XmlErrorCodes.Encoding, "The XML input is not valid UTF-8.", ex);
        }

        return Parse(text, maxBytes);
    }

    /// <summary>Parses a string (already decoded) with the same rules as <see cref="Load(ReadOnlySpan{byte}, int)"/>.</summary>
    public static XmlDocument Load(string xml, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // UTF-8 needs at least one byte per char: a long string is refused before counting.
        if (xml.Length > maxBytes)
        {
            throw new XmlInputException(XmlErrorCodes.TooLarge, $"The XML input has more than {maxBytes} bytes.");
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(xml);
        }
        catch (EncoderFallbackException ex)
        {
            throw new XmlInputException(XmlErrorCodes.Encoding, "The XML input contains invalid UTF-16 (lone surrogate).", ex);
        }

        if (byteCount > maxBytes)
        {
            throw new XmlInputException(XmlErrorCodes.TooLarge, $"The XML input has {byteCount} bytes; the limit is {maxBytes}.");
        }

        return Parse(xml.StartsWith('\uFEFF') ? xml[1..] : xml, maxBytes);
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

    private static XmlDocument Parse(string text, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new XmlInputException(XmlErrorCodes.Empty, "The XML input is empty.");
        }

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            // A UTF-8 character takes at least one byte, so the byte cap is also a valid character cap.
            using var reader = XmlReader.Create(new StringReader(text), ReaderSettings(maxBytes));
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            throw Classify(ex, text);
        }
        catch (ArgumentException ex)
        {
            // XmlDocument re-validates some nodes the reader let through (e.g. version="1.x" in the declaration).
            throw new XmlInputException(XmlErrorCodes.Malformed, $"The XML input is not well-formed: {ex.Message}", ex);
        }

        if (document.DocumentElement is null)
        {
            throw new XmlInputException(XmlErrorCodes.Malformed, "The XML input has no root element.");
        }

        // Text readers ignore the declared encoding, so a Latin-1 declaration would otherwise pass unnoticed.
        if (document.FirstChild is XmlDeclaration { Encoding: { Length: > 0 } declared } && !IsUtf8Name(declared))
        {
            throw new XmlInputException(XmlErrorCodes.Encoding, $"The XML declaration names encoding '{declared}'; only UTF-8 is accepted.") { Line = 1 };
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
            return new XmlInputException(XmlErrorCodes.DtdProhibited, "The XML input carries a DTD (DOCTYPE), which is not accepted.", ex) { Line = line };
        }

        if (ex.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return new XmlInputException(XmlErrorCodes.TooLarge, "The XML input exceeds the size limit.", ex) { Line = line };
        }

        return new XmlInputException(XmlErrorCodes.Malformed, $"The XML input is not well-formed: {ex.Message}", ex) { Line = line };
    }
}
