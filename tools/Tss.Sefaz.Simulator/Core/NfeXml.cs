using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>Small readers over NF-e payload elements (NF-e namespace only; prefixes and foreign namespaces ignored).</summary>
public static class NfeXml
{
    /// <summary>The first child element with this local name in the NF-e namespace.</summary>
    public static XmlElement? Child(XmlElement? parent, string name) => NfeElements.Child(parent, name);

    /// <summary>Follows a path of child names.</summary>
    public static XmlElement? Path(XmlElement? parent, params string[] names)
    {
        var current = parent;
        foreach (var name in names)
        {
            current = Child(current, name);
        }

        return current;
    }

    /// <summary>Text of a child path, or null.</summary>
    public static string? Text(XmlElement? parent, params string[] names) => Path(parent, names)?.InnerText;

    /// <summary>Integer text of a child path, or null.</summary>
    public static int? Int(XmlElement? parent, params string[] names) =>
        int.TryParse(Text(parent, names), out var value) ? value : null;

    /// <summary>All child elements with this local name in the NF-e namespace.</summary>
    public static IEnumerable<XmlElement> Children(XmlElement parent, string name) => NfeElements.Children(parent, name);
}
