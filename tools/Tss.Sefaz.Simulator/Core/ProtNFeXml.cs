using System.Globalization;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>Builds the protNFe element SEFAZ returns per document (standalone, namespace declared).</summary>
public static class ProtNFeXml
{
    /// <summary>protNFe/infProt; Id="ID"+nProt only for authorized documents.</summary>
    public static string Build(int tpAmb, string verAplic, string chNFe, DateTimeOffset dhRecbto, string? nProt,
        string? digVal, int cStat, string xMotivo)
    {
        using var w = new RetWriter("protNFe");
        w.Start("infProt");
        if (nProt is not null)
        {
            w.Xml.WriteAttributeString("Id", "ID" + nProt);
        }

        w.Element("tpAmb", tpAmb.ToString(CultureInfo.InvariantCulture))
            .Element("verAplic", verAplic)
            .Element("chNFe", chNFe)
            .Element("dhRecbto", dhRecbto);
        if (nProt is not null)
        {
            w.Element("nProt", nProt);
        }

        if (digVal is not null)
        {
            w.Element("digVal", digVal);
        }

        w.Element("cStat", cStat).Element("xMotivo", xMotivo).End();
        return w.Finish();
    }
}
