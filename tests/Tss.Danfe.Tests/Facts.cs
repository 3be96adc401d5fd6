using System.Xml;

namespace Tss.Danfe.Tests;

/// <summary>What the tests expect to find, read straight from the XML (not from the renderer's model).</summary>
internal sealed record Facts(string Key, string nProt, string dhRecbto, string vNF, IReadOnlyList<(string cProd, string xProd)> Items, string? QrCode)
{
    public string KeyGroups => string.Join(' ', Enumerable.Range(0, 11).Select(i => Key.Substring(i * 4, 4)));

    public static Facts Of(byte[] xml)
    {
        var doc = new XmlDocument();
        doc.Load(new MemoryStream(xml));
        string Text(string name) => doc.GetElementsByTagName(name)[0]?.InnerText.Trim() ?? string.Empty;
        var items = doc.GetElementsByTagName("prod").Cast<XmlElement>()
            .Select(p => (p["cProd"]!.InnerText.Trim(), p["xProd"]!.InnerText.Trim())).ToList();
        var dh = DateTimeOffset.Parse(Text("dhRecbto"), System.Globalization.CultureInfo.InvariantCulture);
        var vNF = decimal.Parse(Text("vNF"), System.Globalization.CultureInfo.InvariantCulture);
        return new Facts(Text("chNFe"), Text("nProt"), dh.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            vNF.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '#').Replace('.', ',').Replace('#', '.'),
            items, doc.GetElementsByTagName("qrCode")[0]?.InnerText.Trim());
    }
}
