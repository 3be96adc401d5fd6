using System.Globalization;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Mde.Protocol;

/// <summary>retDistDFeInt 1.01: status, ultNSU/maxNSU and up to 50 docZip.</summary>
public sealed record RetDistDFeInt(int cStat, string xMotivo, long UltNsu, long MaxNsu, IReadOnlyList<DocZip> Documents)
{
    /// <summary>Most docZip an answer may carry (schema).</summary>
    public const int MaxDocuments = 50;

    /// <summary>Reads the answer element.</summary>
    /// <exception cref="MdeException">Not a retDistDFeInt, or a field SEFAZ always sends is missing or malformed.</exception>
    public static RetDistDFeInt Parse(XmlElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.LocalName != "retDistDFeInt" || root.NamespaceURI != NfeNamespaces.Nfe)
        {
            throw Malformed($"expected retDistDFeInt, got {root.LocalName}");
        }
        var cStat = int.TryParse(Text(root, "cStat"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : throw Malformed("cStat");
        var documents = new List<DocZip>();
        var lote = Child(root, "loteDistDFeInt");
        if (lote is not null)
        {
            foreach (var docZip in lote.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "docZip"))
            {
                if (documents.Count == MaxDocuments)
                {
                    throw Malformed($"more than {MaxDocuments} docZip");
                }
                documents.Add(new DocZip(ParseNsu(docZip.GetAttribute("NSU"), "docZip@NSU"), docZip.GetAttribute("schema"), docZip.InnerText));
            }
        }
        return new RetDistDFeInt(cStat, Text(root, "xMotivo") ?? "", ParseNsu(Text(root, "ultNSU"), "ultNSU"), ParseNsu(Text(root, "maxNSU"), "maxNSU"),
            documents);
    }

    private static long ParseNsu(string? text, string field) =>
        text is { Length: >= 1 and <= 15 } && text.All(char.IsAsciiDigit) ? long.Parse(text, CultureInfo.InvariantCulture) : throw Malformed(field);

    private static XmlElement? Child(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name && e.NamespaceURI == NfeNamespaces.Nfe);

    private static string? Text(XmlElement parent, string name) => Child(parent, name)?.InnerText;

    private static MdeException Malformed(string what) =>
        new(MdeErrorCodes.SefazUnavailable, $"Resposta da SEFAZ (DistDFe) ilegível: {what}.");
}
