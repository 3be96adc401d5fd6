using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Ingest;

/// <summary>
/// A hash of an NF-e's infNFe that leaves out what a contingency re-key changes (infNFe@Id, ide/tpEmis, ide/cDV,
/// ide/dhCont, ide/xJust): the tpEmis 1 original and its tpEmis 6/7/9 form have the same fingerprint; any other change
/// (an item, a value, the recipient) gives another. Element names, attributes (but Id) and texts in document order.
/// </summary>
public static class DocumentFingerprint
{
    private static readonly HashSet<string> ReKeyed = new(StringComparer.Ordinal) { "tpEmis", "cDV", "dhCont", "xJust" };

    /// <summary>Base64 SHA-256 of <paramref name="nfe"/>'s infNFe as described; empty when it has none.</summary>
    public static string Of(XmlElement nfe)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        if (nfe["infNFe", NfeNamespaces.Nfe] is not { } infNFe)
        {
            return "";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, infNFe, inIde: false);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, XmlElement element, bool inIde)
    {
        Write(hash, "<" + element.LocalName);
        foreach (XmlAttribute a in element.Attributes)
        {
            if (a.LocalName != "Id" && a.Prefix != "xmlns" && a.LocalName != "xmlns")
            {
                Write(hash, " " + a.LocalName + "=" + a.Value);
            }
        }
        Write(hash, ">");
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child is XmlElement e)
            {
                if (!(inIde && ReKeyed.Contains(e.LocalName)))
                {
                    Append(hash, e, inIde: e.LocalName == "ide" && element.LocalName == "infNFe");
                }
            }
            else if (child.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                Write(hash, child.Value!.Trim());
            }
        }
        Write(hash, "</>");
    }

    private static void Write(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
