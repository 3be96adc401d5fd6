using System.Xml;
using Tss.Danfe.Model;
using static Tss.Danfe.Reading.Xml;

namespace Tss.Danfe.Reading;

/// <summary>det: product fields and the ICMS/IPI columns of the product table.</summary>
internal static partial class NfeReader
{
    private static Item ReadItem(XmlElement det)
    {
        var prod = Child(det, "prod") ?? throw Invalid("det/prod is missing.");
        var imposto = Child(det, "imposto");
        // ICMS is a choice (ICMS00 … ICMSSN900): whichever group is there carries orig and CST or CSOSN.
        var icms = FirstElement(Child(imposto, "ICMS"));
        var ipi = Child(imposto, "IPI");
        var ipiTrib = Child(ipi, "IPITrib");
        var nItem = int.TryParse(det.GetAttribute("nItem"), out var n) ? n : 0;
        return new Item(
            nItem, Text(prod, "cProd") ?? string.Empty, Text(prod, "xProd") ?? string.Empty, Text(prod, "NCM"),
            (Text(icms, "orig") ?? string.Empty) + (Text(icms, "CST") ?? Text(icms, "CSOSN") ?? string.Empty),
            Text(prod, "CFOP"), Text(prod, "uCom"), Decimal(prod, "qCom"), Decimal(prod, "vUnCom"), Decimal(prod, "vProd"), Decimal(prod, "vDesc"),
            Decimal(icms, "vBC"), Decimal(icms, "vICMS"), Decimal(icms, "pICMS"), Decimal(ipiTrib, "vIPI"), Decimal(ipiTrib, "pIPI"),
            Text(det, "infAdProd"));
    }

    private static Totals ReadTotals(XmlElement t) => new(
        Decimal(t, "vBC"), Decimal(t, "vICMS"), Decimal(t, "vICMSDeson"), Decimal(t, "vFCP"), Decimal(t, "vBCST"), Decimal(t, "vST"),
        Decimal(t, "vFCPST"), Decimal(t, "vProd"), Decimal(t, "vFrete"), Decimal(t, "vSeg"), Decimal(t, "vDesc"), Decimal(t, "vII"),
        Decimal(t, "vIPI"), Decimal(t, "vPIS"), Decimal(t, "vCOFINS"), Decimal(t, "vOutro"), Decimal(t, "vNF"), Decimal(t, "vTotTrib"),
        Decimal(t, "vICMSUFDest"), Decimal(t, "vICMSUFRemet"), Decimal(t, "vFCPUFDest"));

    private static IbsCbsTotals? ReadIbsCbs(XmlElement? total)
    {
        var tot = Child(total, "IBSCBSTot");
        if (tot is null)
        {
            return null;
        }

        var gIbs = Child(tot, "gIBS");
        return new IbsCbsTotals(
            Decimal(tot, "vBCIBSCBS"), Decimal(Child(gIbs, "gIBSUF"), "vIBSUF"), Decimal(Child(gIbs, "gIBSMun"), "vIBSMun"), Decimal(gIbs, "vIBS"),
            Decimal(Child(tot, "gCBS"), "vCBS"), OptionalDecimal(Child(total, "ISTot"), "vIS"), OptionalDecimal(total, "vNFTot"));
    }

    private static Transport ReadTransport(XmlElement? transp)
    {
        var carrier = Child(transp, "transporta");
        var vehicle = Child(transp, "veicTransp");
        var volumes = Children(transp, "vol")
            .Select(v => new Volume(OptionalDecimal(v, "qVol"), Text(v, "esp"), Text(v, "marca"), Text(v, "nVol"),
                OptionalDecimal(v, "pesoL"), OptionalDecimal(v, "pesoB")))
            .ToList();
        return new Transport(
            Int(transp, "modFrete", 9), Text(carrier, "xNome"), Text(carrier, "CNPJ") ?? Text(carrier, "CPF"), Text(carrier, "IE"),
            Text(carrier, "xEnder"), Text(carrier, "xMun"), Text(carrier, "UF"), Text(vehicle, "placa"), Text(vehicle, "UF"), Text(vehicle, "RNTC"),
            volumes);
    }

    private static Invoice? ReadInvoice(XmlElement? cobr)
    {
        if (cobr is null)
        {
            return null;
        }

        var fat = Child(cobr, "fat");
        var dups = Children(cobr, "dup").Select(d => new Duplicata(Text(d, "nDup"), Date(d, "dVenc"), Decimal(d, "vDup"))).ToList();
        return new Invoice(Text(fat, "nFat"), OptionalDecimal(fat, "vOrig"), OptionalDecimal(fat, "vDesc"), OptionalDecimal(fat, "vLiq"), dups);
    }
}
