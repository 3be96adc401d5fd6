using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages.Internal;

/// <summary>
/// Gives the text of an element of a parsed answer: the exact received text when the source is known, otherwise the
/// DOM serialization (which also declares the inherited namespaces).
/// </summary>
internal sealed class ReceivedText(XmlElement root, string? source)
{
    private readonly Dictionary<string, (XmlNodeList Parsed, List<string> Raw)> _byName = new(StringComparer.Ordinal);

    public string Of(XmlElement element)
    {
        if (source is null)
        {
            return element.OuterXml;
        }
        if (!_byName.TryGetValue(element.LocalName, out var entry))
        {
            var document = root.OwnerDocument ?? throw new ArgumentException("The element has no owner document.", nameof(root));
            entry = (document.GetElementsByTagName(element.LocalName, element.NamespaceURI),
                RawElementText.Find(source, element.LocalName, element.NamespaceURI));
            if (entry.Parsed.Count != entry.Raw.Count)
            {
                throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, $"The source text does not match the parsed answer ({element.LocalName}).");
            }
            _byName[element.LocalName] = entry;
        }
        for (var i = 0; i < entry.Parsed.Count; i++)
        {
            if (ReferenceEquals(entry.Parsed[i], element))
            {
                return RawElementText.WithInheritedNamespaces(entry.Raw[i], element);
            }
        }
        throw new XmlInputException(ProtocolErrorCodes.Xml.Malformed, $"The {element.LocalName} element is not part of the parsed answer.");
    }
}
