using System.Globalization;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.DevTools.Samples;

/// <summary>The optional groups a sample procNFe can carry.</summary>
public static partial class SampleProcNFe
{
    private static void AddConsumer(XmlElement inf)
    {
        var dest = inf.OwnerDocument.CreateElement("dest", NfeNamespaces.Nfe);
        Append(dest, "CPF", "12345678909");
        Append(dest, "xNome", "CONSUMIDOR DE DEMONSTRACAO");
        Append(dest, "indIEDest", "9");
        inf.InsertAfter(dest, Child(inf, "emit"));
    }

    private static void AddCarrier(XmlElement inf)
    {
        var transp = Child(inf, "transp");
        Child(transp, "modFrete").InnerText = "0";
        var carrier = Element(transp, "transporta");
        Append(carrier, "CNPJ", "11222333000181");
        Append(carrier, "xNome", "TRANSPORTADORA RAPIDA DE DEMONSTRACAO LTDA");
        Append(carrier, "IE", "110042490114");
        Append(carrier, "xEnder", "RODOVIA DOS BANDEIRANTES KM 20");
        Append(carrier, "xMun", "SAO PAULO");
        Append(carrier, "UF", "SP");
        var vehicle = Element(transp, "veicTransp");
        Append(vehicle, "placa", "ABC1D23");
        Append(vehicle, "UF", "SP");
        Append(vehicle, "RNTC", "12345678");
        foreach (var (q, esp, peso) in new[] { (10, "CAIXA", 120.5m), (2, "PALETE", 310.25m) })
        {
            var vol = Element(transp, "vol");
            Append(vol, "qVol", q.ToString(CultureInfo.InvariantCulture));
            Append(vol, "esp", esp);
            Append(vol, "marca", "TSS");
            Append(vol, "nVol", "1-" + q.ToString(CultureInfo.InvariantCulture));
            Append(vol, "pesoL", (peso - 5).ToString("0.000", CultureInfo.InvariantCulture));
            Append(vol, "pesoB", peso.ToString("0.000", CultureInfo.InvariantCulture));
        }
    }

    private static void AddInvoice(XmlElement inf, int count)
    {
        var vNF = decimal.Parse(Child(Child(Child(inf, "total"), "ICMSTot"), "vNF").InnerText, CultureInfo.InvariantCulture);
        var cobr = inf.OwnerDocument.CreateElement("cobr", NfeNamespaces.Nfe);
        inf.InsertAfter(cobr, Child(inf, "transp"));
        var fat = Element(cobr, "fat");
        Append(fat, "nFat", "FAT-0001");
        Append(fat, "vOrig", Money(vNF));
        Append(fat, "vDesc", "0.00");
        Append(fat, "vLiq", Money(vNF));
        var share = Math.Round(vNF / count, 2);
        var dhEmi = DateTimeOffset.Parse(Child(Child(inf, "ide"), "dhEmi").InnerText, CultureInfo.InvariantCulture);
        for (var n = 1; n <= count; n++)
        {
            var dup = Element(cobr, "dup");
            Append(dup, "nDup", n.ToString("D3", CultureInfo.InvariantCulture));
            Append(dup, "dVenc", dhEmi.AddDays(30 * n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Append(dup, "vDup", Money(n == count ? vNF - (share * (count - 1)) : share));
        }

        // pag must tell the payment is on credit when there are duplicatas.
        var detPag = Child(Child(inf, "pag"), "detPag");
        Child(detPag, "indPag").InnerText = "1";
        Child(detPag, "tPag").InnerText = "15";
    }

    private static void AddIbsCbs(XmlElement inf)
    {
        var total = Child(inf, "total");
        var icmsTot = Child(total, "ICMSTot");
        var vNF = decimal.Parse(Child(icmsTot, "vNF").InnerText, CultureInfo.InvariantCulture);
        var isTot = Element(total, "ISTot");
        Append(isTot, "vIS", "0.00");
        var tot = Element(total, "IBSCBSTot");
        Append(tot, "vBCIBSCBS", Money(vNF));
        var gIbs = Element(tot, "gIBS");
        var uf = Element(gIbs, "gIBSUF");
        Append(uf, "vDif", "0.00");
        Append(uf, "vDevTrib", "0.00");
        Append(uf, "vIBSUF", Money(vNF * 0.001m));
        var mun = Element(gIbs, "gIBSMun");
        Append(mun, "vDif", "0.00");
        Append(mun, "vDevTrib", "0.00");
        Append(mun, "vIBSMun", "0.00");
        Append(gIbs, "vIBS", Money(vNF * 0.001m));
        Append(gIbs, "vCredPres", "0.00");
        Append(gIbs, "vCredPresCondSus", "0.00");
        var gCbs = Element(tot, "gCBS");
        Append(gCbs, "vDif", "0.00");
        Append(gCbs, "vDevTrib", "0.00");
        Append(gCbs, "vCBS", Money(vNF * 0.009m));
        Append(gCbs, "vCredPres", "0.00");
        Append(gCbs, "vCredPresCondSus", "0.00");
        Append(total, "vNFTot", Money(vNF));
    }

    private static string Money(decimal value) => Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static XmlElement Element(XmlElement parent, string name)
    {
        var element = parent.OwnerDocument.CreateElement(name, NfeNamespaces.Nfe);
        parent.AppendChild(element);
        return element;
    }

    private static void Append(XmlElement parent, string name, string value) => Element(parent, name).InnerText = value;
}
