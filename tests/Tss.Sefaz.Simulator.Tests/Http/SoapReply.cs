using System.Net;
using System.Xml;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>What the simulator answered to one SOAP request.</summary>
public sealed record SoapReply(HttpStatusCode Status, string? ContentType, string Body)
{
    private const string Nfe = "http://www.portalfiscal.inf.br/nfe";

    /// <summary>The ret element inside nfeResultMsg.</summary>
    public XmlElement Ret
    {
        get
        {
            var document = new XmlDocument { PreserveWhitespace = true };
            document.LoadXml(Body);
            var result = document.GetElementsByTagName("nfeResultMsg").OfType<XmlElement>().Single();
            return result.ChildNodes.OfType<XmlElement>().Single();
        }
    }

    public int cStat => int.Parse(Text("cStat")!, System.Globalization.CultureInfo.InvariantCulture);

    public string? Text(string name) => Ret.GetElementsByTagName(name, Nfe).OfType<XmlElement>().FirstOrDefault()?.InnerText;

    public IReadOnlyList<XmlElement> ProtNFe => [.. Ret.GetElementsByTagName("infProt", Nfe).OfType<XmlElement>()];

    public static int Stat(XmlElement infProt) =>
        int.Parse(infProt.GetElementsByTagName("cStat", Nfe)[0]!.InnerText, System.Globalization.CultureInfo.InvariantCulture);

    public static string? Field(XmlElement infProt, string name) =>
        infProt.GetElementsByTagName(name, Nfe).OfType<XmlElement>().FirstOrDefault()?.InnerText;
}
