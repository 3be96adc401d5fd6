using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Mde.Protocol;

/// <summary>A docZip unpacked and summarized. <see cref="Xml"/> is the document text (or the docZip as received when
/// <see cref="Type"/> is <see cref="DocumentType.Unreadable"/>).</summary>
public sealed record ReceivedDocument(long Nsu, string Schema, DocumentType Type, string Xml)
{
    public string? chNFe { get; init; }
    public string? EmitCnpj { get; init; }
    public string? xNome { get; init; }
    public string? vNF { get; init; }
    public string? dhEmi { get; init; }
    public string? tpEvento { get; init; }
    public string? nProt { get; init; }
    public string? cSitNFe { get; init; }
    public string? Problem { get; init; }

    /// <summary>Unpacks and reads one docZip; never throws for hostile content (it becomes <see cref="DocumentType.Unreadable"/>).</summary>
    public static ReceivedDocument From(DocZip docZip, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(docZip);
        try
        {
            var xml = DocZipReader.Unpack(docZip.Base64, maxBytes);
            var root = SafeXml.Load(xml, maxBytes).DocumentElement!;
            if (root.NamespaceURI != NfeNamespaces.Nfe)
            {
                return Unreadable(docZip, $"root {root.LocalName} outside the NF-e namespace");
            }
            return root.LocalName switch
            {
                "resNFe" => Summarize(docZip, DocumentType.ResNFe, xml, root, root),
                "nfeProc" => Summarize(docZip, DocumentType.ProcNFe, xml, root, Find(root, "infNFe"), Find(root, "emit")),
                "resEvento" => Summarize(docZip, DocumentType.ResEvento, xml, root, root),
                "procEventoNFe" => Summarize(docZip, DocumentType.ProcEventoNFe, xml, root, Find(root, "infEvento")),
                _ => Unreadable(docZip, $"unexpected root {root.LocalName}"),
            };
        }
        catch (MdeException e)
        {
            return Unreadable(docZip, e.Code);
        }
        catch (XmlInputException e)
        {
            return Unreadable(docZip, e.Code);
        }
    }

    private static ReceivedDocument Summarize(DocZip z, DocumentType type, string xml, XmlElement root, XmlElement? main, XmlElement? emit = null) =>
        new(z.Nsu, z.Schema, type, xml)
        {
            chNFe = Text(root, "chNFe") ?? (Find(root, "infNFe")?.GetAttribute("Id") is { Length: 47 } id ? id[3..] : null),
            EmitCnpj = Text(emit ?? main, "CNPJ"),
            xNome = Text(emit ?? main, "xNome"),
            vNF = Text(root, "vNF"),
            dhEmi = Text(main, "dhEmi") ?? Text(root, "dhEmi"),
            tpEvento = Text(main, "tpEvento"),
            nProt = Text(root, "nProt"),
            cSitNFe = Text(root, "cSitNFe"),
        };

    private static ReceivedDocument Unreadable(DocZip z, string problem) => new(z.Nsu, z.Schema, DocumentType.Unreadable, z.Base64) { Problem = problem };

    private static XmlElement? Find(XmlElement? root, string name) =>
        root?.GetElementsByTagName(name, NfeNamespaces.Nfe).OfType<XmlElement>().FirstOrDefault();

    private static string? Text(XmlElement? root, string name)
    {
        var text = Find(root, name)?.InnerText;
        return text is { Length: > 0 and <= 256 } ? text : null;
    }
}
