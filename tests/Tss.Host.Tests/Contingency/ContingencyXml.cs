using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Host.Tests.Contingency;

/// <summary>What the contingency tests read from or cut out of a sample NF-e.</summary>
internal static class ContingencyXml
{
    /// <summary>The access key in infNFe@Id.</summary>
    public static string KeyOf(string xml) =>
        SafeXml.Load(xml).DocumentElement!.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().Single().GetAttribute("Id")[3..];

    /// <summary>The NF-e without its (single) <paramref name="element"/>.</summary>
    public static string Without(string xml, string element)
    {
        var nfe = SafeXml.Load(xml).DocumentElement!;
        var found = nfe.GetElementsByTagName(element, NfeNamespaces.Nfe).OfType<XmlElement>().Single();
        found.ParentNode!.RemoveChild(found);
        return nfe.OuterXml;
    }
}
