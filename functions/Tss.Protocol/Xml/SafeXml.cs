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

    /// <summary>Parses UTF-8 bytes into a whitespace-preserving document or throws <see cref="XmlInputException"/>.</summary>
    public static XmlDocument Load(ReadOnlySpan<byte> utf8, int maxBytes = DefaultMaxBytes) => throw new NotImplementedException();

    /// <summary>Parses a string (already decoded) with the same rules as <see cref="Load(ReadOnlySpan{byte}, int)"/>.</summary>
    public static XmlDocument Load(string xml, int maxBytes = DefaultMaxBytes) => throw new NotImplementedException();

    /// <summary>Reader settings with DTD prohibited, no resolver and a character cap; for streaming parsers.</summary>
    public static XmlReaderSettings ReaderSettings(long maxCharacters) => throw new NotImplementedException();
}
