using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Protocol.Nfce;

/// <summary>
/// The NFC-e supplementary information (<c>infNFeSupl</c>: QR code and consultation URL), which model 65 requires
/// between <c>infNFe</c> and the signature (PROTOCOL.md §10). On-line emission only:
/// <list type="bullet">
/// <item>version 2.00 when the company has a CSC: <c>url?p=chNFe|2|tpAmb|cIdToken|UPPER(hex(SHA1(chNFe|2|tpAmb|cIdToken + CSC)))</c>;</item>
/// <item>version 3.00 (NT 2025.001) without one: <c>url?p=chNFe|3|tpAmb</c>.</item>
/// </list>
/// The base URLs per UF and environment are data (<c>Reference/nfce-urls.json</c>).
/// </summary>
public static class NfceQrCode
{
    private const string ResourceName = "Tss.Protocol.Reference.nfce-urls.json";

    private static readonly Lazy<FrozenDictionary<string, (string QrCode, string UrlChave)>> Urls = new(LoadUrls);

    /// <summary>The QR code text and <c>urlChave</c> for an on-line NFC-e.</summary>
    /// <exception cref="ArgumentException">Unknown UF, tpAmb other than 1/2 or a malformed key.</exception>
    public static (string QrCode, string UrlChave) Build(string chNFe, int tpAmb, string uf, NfceCsc? csc)
    {
        if (chNFe is not { Length: 44 } || !chNFe.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("chNFe must be 44 digits.", nameof(chNFe));
        }
        if (tpAmb is not (1 or 2))
        {
            throw new ArgumentException("tpAmb must be 1 or 2.", nameof(tpAmb));
        }
        var urls = UrlsFor(uf, tpAmb);
        string parameters;
        if (csc is null)
        {
            parameters = $"{chNFe}|3|{tpAmb}";
        }
        else
        {
            var sequence = $"{chNFe}|2|{tpAmb}|{csc.QrId}";
            parameters = $"{sequence}|{Hash(sequence, csc.Token)}";
        }
        return ($"{urls.QrCode}?p={parameters}", urls.UrlChave);
    }

    /// <summary>The UF's QR code base URL and consultation URL (<c>urlChave</c>) for an environment.</summary>
    /// <exception cref="ArgumentException">No URL for this UF and environment.</exception>
    public static (string QrCode, string UrlChave) UrlsFor(string uf, int tpAmb) =>
        Urls.Value.TryGetValue($"{uf?.ToUpperInvariant()}|{tpAmb}", out var urls)
            ? urls
            : throw new ArgumentException($"No NFC-e QR code URL for UF '{uf}'.", nameof(uf));

    /// <summary>UPPER(hex(SHA1(<paramref name="sequence"/> + <paramref name="token"/>))), the v2 hash.</summary>
    public static string Hash(string sequence, string token) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(sequence + token)));

    /// <summary>
    /// Adds <c>infNFeSupl</c> to an unsigned or signed <c>NFe</c> element when it has none (right after <c>infNFe</c>,
    /// so before any <c>Signature</c>); returns false and changes nothing when it already has one (the ERP built it).
    /// </summary>
    public static bool AddTo(XmlElement nfe, string chNFe, int tpAmb, string uf, NfceCsc? csc)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var children = nfe.ChildNodes.OfType<XmlElement>().ToList();
        if (children.Any(e => e.LocalName == "infNFeSupl" && e.NamespaceURI == NfeNamespaces.Nfe))
        {
            return false;
        }
        var infNFe = children.FirstOrDefault(e => e.LocalName == "infNFe" && e.NamespaceURI == NfeNamespaces.Nfe)
            ?? throw new ArgumentException("NFe has no infNFe.", nameof(nfe));
        var (qrCode, urlChave) = Build(chNFe, tpAmb, uf, csc);
        Insert(nfe, infNFe, qrCode, urlChave);
        return true;
    }

    /// <summary>Writes <c>infNFeSupl{qrCode (CDATA), urlChave}</c> right after <paramref name="infNFe"/>.</summary>
    internal static void Insert(XmlElement nfe, XmlElement infNFe, string qrCode, string urlChave)
    {
        var doc = nfe.OwnerDocument!;
        var supl = doc.CreateElement("infNFeSupl", NfeNamespaces.Nfe);
        var qr = doc.CreateElement("qrCode", NfeNamespaces.Nfe);
        qr.AppendChild(doc.CreateCDataSection(qrCode));
        var url = doc.CreateElement("urlChave", NfeNamespaces.Nfe);
        url.InnerText = urlChave;
        supl.AppendChild(qr);
        supl.AppendChild(url);
        nfe.InsertAfter(supl, infNFe);
    }

    private static FrozenDictionary<string, (string, string)> LoadUrls()
    {
        using var stream = typeof(NfceQrCode).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var json = JsonDocument.Parse(stream);
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var uf in json.RootElement.GetProperty("ufs").EnumerateObject())
        {
            foreach (var env in uf.Value.EnumerateObject())
            {
                map[$"{uf.Name}|{env.Name}"] = (env.Value.GetProperty("qrCode").GetString()!, env.Value.GetProperty("urlChave").GetString()!);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
