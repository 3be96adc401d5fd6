using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Protocol.Xml;

/// <summary>
/// Child lookups over NF-e payload elements: only elements in the NF-e namespace count, whatever their prefix, so a
/// foreign element with the same local name is never mistaken for a fiscal field.
/// </summary>
public static class NfeElements
{
    /// <summary>The first child element with this local name in the NF-e namespace, or null.</summary>
    public static XmlElement? Child(XmlElement? parent, string name)
    {
        for (var node = parent?.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement e && e.LocalName == name && e.NamespaceURI == NfeNamespaces.Nfe)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Every child element with this local name in the NF-e namespace, in document order.</summary>
    public static IEnumerable<XmlElement> Children(XmlElement? parent, string name)
    {
        for (var node = parent?.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement e && e.LocalName == name && e.NamespaceURI == NfeNamespaces.Nfe)
            {
                yield return e;
            }
        }
    }
}
