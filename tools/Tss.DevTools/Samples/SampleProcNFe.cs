using System.Globalization;
using System.Text;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;

namespace Tss.DevTools.Samples;

/// <summary>
/// Authorized documents (nfeProc = NFe with a placeholder signature + a protNFe) in the shapes a DANFE meets: many items,
/// no destinatário, duplicatas, carrier and volumes, IBS/CBS totals, NFC-e with QR code v2/v3, re-indented files.
/// </summary>
public static partial class SampleProcNFe
{
    public static string Create(SampleProcNFeOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(SampleNfe.Create(options.Nfe, time));
        var nfe = doc.DocumentElement!;
        var inf = Child(nfe, "infNFe");
        var key = inf.GetAttribute("Id")[3..];
        var ide = Child(inf, "ide");
        if (options.tpImp is { } tpImp)
        {
            Child(ide, "tpImp").InnerText = tpImp.ToString(CultureInfo.InvariantCulture);
        }

        if (options.WithoutRecipient && inf.SelectSingleNode("*[local-name()='dest']") is XmlElement dest)
        {
            inf.RemoveChild(dest);
        }

        if (options.NfceConsumer)
        {
            AddConsumer(inf);
        }

        if (options.Carrier)
        {
            AddCarrier(inf);
        }

        if (options.Duplicatas > 0)
        {
            AddInvoice(inf, options.Duplicatas);
        }

        if (options.IbsCbs)
        {
            AddIbsCbs(inf);
        }

        if (options.InfCpl is { } infCpl)
        {
            Child(Child(inf, "infAdic"), "infCpl").InnerText += " " + infCpl;
        }

        if (options.Nfe.mod == 65)
        {
            var csc = options.Csc is { } c ? new NfceCsc(c.Id, c.Token) : null;
            NfceQrCode.AddTo(nfe, key, options.Nfe.tpAmb, options.Nfe.Uf, csc);
        }

        var signed = SampleNfe.WithPlaceholderSignature(nfe.OuterXml);
        var dhEmi = DateTimeOffset.Parse(Child(ide, "dhEmi").InnerText, CultureInfo.InvariantCulture);
        var prot = options.WithoutProtocol ? string.Empty : Protocol(key, options.Nfe.tpAmb, options.cStat, dhEmi.AddSeconds(2));
        var proc = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><nfeProc xmlns=\"{NfeNamespaces.Nfe}\" versao=\"4.00\">{signed}{prot}</nfeProc>";
        return options.Reindent ? Reindent(proc) : proc;
    }

    /// <summary>A protNFe as SEFAZ answers it (cStat 100: autorizado o uso).</summary>
    public static string Protocol(string key, int tpAmb, int cStat, DateTimeOffset dhRecbto)
    {
        var nProt = "1" + key[..2] + dhRecbto.ToString("yy", CultureInfo.InvariantCulture) + key.Substring(35, 8) + "00";
        var xMotivo = cStat == 100 ? "Autorizado o uso da NF-e" : "Rejeicao: documento de teste";
        return $"<protNFe versao=\"4.00\"><infProt><tpAmb>{tpAmb}</tpAmb><verAplic>SIM-1.0</verAplic><chNFe>{key}</chNFe>"
            + $"<dhRecbto>{dhRecbto:yyyy-MM-dd'T'HH:mm:sszzz}</dhRecbto><nProt>{nProt}</nProt><digVal>AAAAAAAAAAAAAAAAAAAAAAAAAAA=</digVal>"
            + $"<cStat>{cStat}</cStat><xMotivo>{xMotivo}</xMotivo></infProt></protNFe>";
    }

    private static string Reindent(string xml)
    {
        var doc = new XmlDocument();
        doc.LoadXml(xml);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, IndentChars = "    ", OmitXmlDeclaration = true }))
        {
            doc.DocumentElement!.WriteTo(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
    }

    private static XmlElement Child(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().First(e => e.LocalName == name);
}
