namespace Tss.Protocol.Xml;

/// <summary>Stable, machine-readable codes for XML input that is refused before any processing.</summary>
public static class XmlErrorCodes
{
    /// <summary>The input is not well-formed XML.</summary>
    public const string Malformed = "xml.malformed";
    /// <summary>The input carries a DTD (DOCTYPE), which we never process (XXE, billion laughs).</summary>
    public const string DtdProhibited = "xml.dtd_prohibited";
    /// <summary>The input is larger than the limit for this entry point.</summary>
    public const string TooLarge = "xml.too_large";
    /// <summary>The input is not UTF-8 (or declares another encoding).</summary>
    public const string Encoding = "xml.encoding";
    /// <summary>The input is empty.</summary>
    public const string Empty = "xml.empty";
    /// <summary>The root element is not the one this entry point accepts.</summary>
    public const string UnexpectedRoot = "xml.unexpected_root";
    /// <summary>Elements nest deeper than <see cref="SafeXml.MaxDepth"/> levels (an NF-e needs fewer than 20).</summary>
    public const string TooDeep = "xml.too_deep";
    /// <summary>A comment inside a document to be signed (<see cref="XmlCommentPolicy.Refuse"/>).</summary>
    public const string CommentProhibited = "xml.comment_prohibited";
    /// <summary>A processing instruction inside a document to be signed (<see cref="XmlCommentPolicy.Refuse"/>).</summary>
    public const string ProcessingInstructionProhibited = "xml.processing_instruction_prohibited";
}
