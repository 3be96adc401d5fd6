namespace Tss.Protocol.Xml;

/// <summary>What <see cref="SafeXml"/> does with comments and processing instructions inside a document.</summary>
public enum XmlCommentPolicy
{
    /// <summary>Kept as they are (answers from SEFAZ, documents SEFAZ distributes).</summary>
    Keep,

    /// <summary>
    /// Refused with <see cref="ProtocolErrorCodes.Xml.CommentProhibited"/> or <see cref="ProtocolErrorCodes.Xml.ProcessingInstructionProhibited"/>:
    /// for documents an ERP sends to be signed, so nothing unseen by schema validation rides inside the signed XML to SEFAZ.
    /// </summary>
    Refuse,
}
