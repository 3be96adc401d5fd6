using System.Text;
using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages.Internal;

/// <summary>
/// Cuts elements out of the exact text they were parsed from. protNFe and procEventoNFe are stored and embedded into
/// nfeProc as SEFAZ sent them (infProt may carry SEFAZ's own signature), so a DOM re-serialization, which can change
/// quoting, character references and namespace placement, is not good enough.
/// </summary>
internal static class RawElementText
{
    /// <summary>
    /// The exact source text of every {<paramref name="ns"/>}<paramref name="localName"/> element in document order,
    /// found with a real XML reader (so comments, CDATA and attribute values cannot fool it).
    /// </summary>
    public static List<string> Find(string source, string localName, string ns)
    {
        // A decoded byte-order mark is not counted by the reader's line positions.
        source = source.TrimStart('\uFEFF');
        var lineStarts = LineStarts(source);
        var found = new List<string>();
        var settings = SafeXml.ReaderSettings(source.Length);
        using var reader = XmlReader.Create(new StringReader(source), settings);
        var lineInfo = (IXmlLineInfo)reader;
        var open = new Stack<int>();
        while (reader.Read())
        {
            if (reader.LocalName != localName || reader.NamespaceURI != ns)
            {
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element)
            {
                // LinePosition points at the first character of the name, one past '<'.
                var start = Offset(lineStarts, lineInfo) - 1;
                if (reader.IsEmptyElement)
                {
                    found.Add(source[start..(TagEnd(source, start) + 1)]);
                }
                else
                {
                    open.Push(start);
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && open.Count > 0)
            {
                var start = open.Pop();
                var endTag = Offset(lineStarts, lineInfo) - 2;
                found.Add(source[start..(TagEnd(source, endTag) + 1)]);
            }
        }
        return found;
    }

    /// <summary>
    /// Adds to the start tag of <paramref name="raw"/> the namespace declarations that <paramref name="element"/>'s subtree
    /// uses but inherits from outside, so the text stands alone. Everything else stays byte for byte.
    /// </summary>
    public static string WithInheritedNamespaces(string raw, XmlElement element)
    {
        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in SubtreeNamed(element))
        {
            if (node.NamespaceURI.Length == 0 || node.Prefix is "xml" or "xmlns" || (node is XmlAttribute a && a.Prefix.Length == 0))
            {
                continue;
            }
            var owner = node as XmlElement ?? ((XmlAttribute)node).OwnerElement!;
            if (!DeclaredWithin(owner, element, node.Prefix))
            {
                missing.TryAdd(node.Prefix, node.NamespaceURI);
            }
        }
        if (missing.Count == 0)
        {
            return raw;
        }
        var declarations = new StringBuilder();
        foreach (var (prefix, uri) in missing)
        {
            declarations.Append(prefix.Length == 0 ? " xmlns=\"" : $" xmlns:{prefix}=\"")
                .Append(uri.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal))
                .Append('"');
        }
        var nameEnd = 1 + element.Name.Length;
        if (string.CompareOrdinal(raw, 1, element.Name, 0, element.Name.Length) != 0)
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, $"The source text of {element.LocalName} does not match the parsed element.");
        }
        return string.Concat(raw.AsSpan(0, nameEnd), declarations.ToString(), raw.AsSpan(nameEnd));
    }

    private static IEnumerable<XmlNode> SubtreeNamed(XmlElement root)
    {
        var pending = new Stack<XmlElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            foreach (XmlAttribute attribute in current.Attributes)
            {
                yield return attribute;
            }
            for (var child = current.LastChild; child is not null; child = child.PreviousSibling)
            {
                if (child is XmlElement e)
                {
                    pending.Push(e);
                }
            }
        }
    }

    private static bool DeclaredWithin(XmlElement from, XmlElement top, string prefix)
    {
        for (XmlElement? e = from; e is not null; e = e.ParentNode as XmlElement)
        {
            var declared = prefix.Length == 0 ? e.GetAttributeNode("xmlns") : e.GetAttributeNode(prefix, "http://www.w3.org/2000/xmlns/");
            if (declared is not null)
            {
                return true;
            }
            if (ReferenceEquals(e, top))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Index of the '>' closing the tag that starts at <paramref name="lt"/>; quotes are honoured.</summary>
    private static int TagEnd(string source, int lt)
    {
        char quote = '\0';
        for (var i = lt + 1; i < source.Length; i++)
        {
            var c = source[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }
        throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, "Unterminated tag.");
    }

    private static int Offset(List<int> lineStarts, IXmlLineInfo lineInfo) =>
        lineStarts[lineInfo.LineNumber - 1] + lineInfo.LinePosition - 1;

    /// <summary>Offsets where each line starts, counting CR LF, CR and LF as one line break as the XML reader does.</summary>
    private static List<int> LineStarts(string source)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\r')
            {
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (source[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }
}
