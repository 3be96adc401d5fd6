using System.Globalization;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.DevTools.Samples;

/// <summary>Items (det), totals, transport and payment of the sample NF-e.</summary>
public static partial class SampleNfe
{
    private const decimal IcmsRate = 18.00m;
    private const decimal PisRate = 1.65m;
    private const decimal CofinsRate = 7.60m;

    private static Totals WriteItems(Context c)
    {
        var (o, w) = (c.Options, c.Writer);
        var totals = new Totals();
        for (var n = 1; n <= o.Items; n++)
        {
            // Quantities and prices vary per item so totals are real sums, not a multiple of one line.
            var qCom = 1 + (n % 5);
            var vUnCom = 10.50m + (n * 3.25m);
            var vProd = Round(qCom * vUnCom);
            var vICMS = Round(vProd * IcmsRate / 100);
            var vPIS = Round(vProd * PisRate / 100);
            var vCOFINS = Round(vProd * CofinsRate / 100);
            totals = totals.Add(vProd, vICMS, vPIS, vCOFINS);

            w.WriteStartElement("det", NfeNamespaces.Nfe);
            w.WriteAttributeString("nItem", Number(n));
            w.WriteStartElement("prod", NfeNamespaces.Nfe);
            Element(w, "cProd", $"SKU-{n:D5}");
            Element(w, "cEAN", "SEM GTIN");
            Element(w, "xProd", n == 1 && o.mod == 65 && o.tpAmb == 2 ? HomologationNfceItemName : $"PRODUTO DE DEMONSTRACAO {n:D3} CAIXA 12 UN");
            Element(w, "NCM", "84713012");
            Element(w, "CFOP", "5102");
            Element(w, "uCom", "UN");
            Element(w, "qCom", qCom.ToString("0.0000", CultureInfo.InvariantCulture));
            Element(w, "vUnCom", vUnCom.ToString("0.0000", CultureInfo.InvariantCulture));
            Element(w, "vProd", Money(vProd));
            Element(w, "cEANTrib", "SEM GTIN");
            Element(w, "uTrib", "UN");
            Element(w, "qTrib", qCom.ToString("0.0000", CultureInfo.InvariantCulture));
            Element(w, "vUnTrib", vUnCom.ToString("0.0000", CultureInfo.InvariantCulture));
            Element(w, "indTot", "1");
            w.WriteEndElement();

            w.WriteStartElement("imposto", NfeNamespaces.Nfe);
            w.WriteStartElement("ICMS", NfeNamespaces.Nfe);
            w.WriteStartElement("ICMS00", NfeNamespaces.Nfe);
            Element(w, "orig", "0");
            Element(w, "CST", "00");
            Element(w, "modBC", "3");
            Element(w, "vBC", Money(vProd));
            Element(w, "pICMS", Money(IcmsRate));
            Element(w, "vICMS", Money(vICMS));
            w.WriteEndElement();
            w.WriteEndElement();
            WriteContribution(w, "PIS", vProd, PisRate, vPIS);
            WriteContribution(w, "COFINS", vProd, CofinsRate, vCOFINS);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return totals;
    }

    // PIS and COFINS share their shape (CST 01, aliquot on the value of the products).
    private static void WriteContribution(XmlWriter w, string tax, decimal vBC, decimal rate, decimal value)
    {
        w.WriteStartElement(tax, NfeNamespaces.Nfe);
        w.WriteStartElement(tax + "Aliq", NfeNamespaces.Nfe);
        Element(w, "CST", "01");
        Element(w, "vBC", Money(vBC));
        Element(w, "p" + tax, rate.ToString("0.0000", CultureInfo.InvariantCulture));
        Element(w, "v" + tax, Money(value));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteTotal(Context c, Totals t)
    {
        var w = c.Writer;
        w.WriteStartElement("total", NfeNamespaces.Nfe);
        w.WriteStartElement("ICMSTot", NfeNamespaces.Nfe);
        Element(w, "vBC", Money(t.vProd));
        Element(w, "vICMS", Money(t.vICMS));
        foreach (var zero in (string[])["vICMSDeson", "vFCP", "vBCST", "vST", "vFCPST", "vFCPSTRet"])
        {
            Element(w, zero, "0.00");
        }

        Element(w, "vProd", Money(t.vProd));
        foreach (var zero in (string[])["vFrete", "vSeg", "vDesc", "vII", "vIPI", "vIPIDevol"])
        {
            Element(w, zero, "0.00");
        }

        Element(w, "vPIS", Money(t.vPIS));
        Element(w, "vCOFINS", Money(t.vCOFINS));
        Element(w, "vOutro", "0.00");
        Element(w, "vNF", Money(t.vProd));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteTransportAndPayment(Context c, Totals t)
    {
        var w = c.Writer;
        w.WriteStartElement("transp", NfeNamespaces.Nfe);
        Element(w, "modFrete", "9");
        w.WriteEndElement();

        w.WriteStartElement("pag", NfeNamespaces.Nfe);
        w.WriteStartElement("detPag", NfeNamespaces.Nfe);
        Element(w, "indPag", "0");
        Element(w, "tPag", "01");
        Element(w, "vPag", Money(t.vProd));
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("infAdic", NfeNamespaces.Nfe);
        Element(w, "infCpl", "Documento de demonstracao gerado pelo TSS Functions; sem valor fiscal.");
        w.WriteEndElement();
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed record Totals(decimal vProd = 0, decimal vICMS = 0, decimal vPIS = 0, decimal vCOFINS = 0)
    {
        public Totals Add(decimal prod, decimal icms, decimal pis, decimal cofins) =>
            new(vProd + prod, vICMS + icms, vPIS + pis, vCOFINS + cofins);
    }
}
