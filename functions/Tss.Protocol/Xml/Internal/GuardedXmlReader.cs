using System.Xml;

namespace Tss.Protocol.Xml.Internal;

/// <summary>
/// Wraps the reader <see cref="SafeXml"/> loads from and enforces, node by node while it reads, what
/// <see cref="XmlReaderSettings"/> cannot express: a nesting depth limit and (optionally) no comments or processing
/// instructions. The check costs O(1) per node, so a hostile document is refused after at most
/// <c>maxDepth + 1</c> levels, before a DOM or anything that walks ancestors per node (serialization, C14N, schema
/// validation) ever sees it.
/// </summary>
internal sealed class GuardedXmlReader(XmlReader inner, int maxDepth, XmlCommentPolicy comments) : XmlReader, IXmlLineInfo
{
    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }
        switch (inner.NodeType)
        {
            // Depth is 0 for the root element, so an element at Depth == maxDepth is level maxDepth + 1.
            case XmlNodeType.Element when inner.Depth >= maxDepth:
                throw Refused(ProtocolErrorCodes.Xml.TooDeep, $"The XML input nests elements deeper than {maxDepth} levels.");
            case XmlNodeType.Comment when comments == XmlCommentPolicy.Refuse:
                throw Refused(ProtocolErrorCodes.Xml.CommentProhibited, "The XML input contains a comment, which is not accepted in a fiscal document.");
            case XmlNodeType.ProcessingInstruction when comments == XmlCommentPolicy.Refuse:
                throw Refused(ProtocolErrorCodes.Xml.ProcessingInstructionProhibited,
                    $"The XML input contains a processing instruction (<?{inner.Name} ...?>), which is not accepted in a fiscal document.");
            default:
                return true;
        }
    }

    private XmlInputException Refused(string code, string message) =>
        new(code, message) { Line = inner is IXmlLineInfo { LineNumber: > 0 } info ? info.LineNumber : null };

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool HasValue => inner.HasValue;
    public override bool IsDefault => inner.IsDefault;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override char QuoteChar => inner.QuoteChar;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override string XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override XmlReaderSettings? Settings => inner.Settings;
    public override bool CanResolveEntity => inner.CanResolveEntity;

    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();
    public int LineNumber => inner is IXmlLineInfo info ? info.LineNumber : 0;
    public int LinePosition => inner is IXmlLineInfo info ? info.LinePosition : 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
