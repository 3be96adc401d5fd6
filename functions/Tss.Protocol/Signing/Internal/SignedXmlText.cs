using System.Text;
using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>Serializes a signed document so that parsing it again yields the exact DOM that was signed.</summary>
internal static class SignedXmlText
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        // CR in text and TAB/CR/LF in attributes become character references, which a normalizing parser keeps.
        NewLineHandling = NewLineHandling.Entitize,
        Encoding = new UTF8Encoding(false),
        ConformanceLevel = ConformanceLevel.Document,
    };

    public static string Serialize(XmlDocument document)
    {
        var builder = new StringBuilder(16 * 1024);
        using (var writer = XmlWriter.Create(builder, Settings))
        {
            foreach (XmlNode node in document.ChildNodes)
            {
                if (node is not XmlDeclaration)
                {
                    node.WriteTo(writer);
                }
            }
        }

        return builder.ToString();
    }
}
