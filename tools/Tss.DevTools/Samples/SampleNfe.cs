using System.Globalization;
using System.Text;
using System.Xml;
using Tss.DevTools.Samples.Internal;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Reference;

namespace Tss.DevTools.Samples;

/// <summary>Builds unsigned, schema-valid NF-e 4.00 documents (PL_010b) for demos, tests and benchmarks.</summary>
public static partial class SampleNfe
{
    /// <summary>dest/xNome required in homologation (otherwise cStat 598).</summary>
    public const string HomologationRecipientName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    /// <summary>xProd of item 1 of an NFC-e in homologation.</summary>
    public const string HomologationNfceItemName = "NOTA FISCAL EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    // The offset SEFAZ documents carry for Brasília time; dhEmi is TDateTimeUTC (whole-hour offset, no fraction).
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <summary>An unsigned NFe element (no XML declaration) whose infNFe@Id carries a consistent access key.</summary>
    public static string Create(SampleNfeOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Items is < 1 or > 990)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Items, "Items must be 1–990.");
        }

        var cUF = UfCodes.ToCode(options.Uf);
        var dhEmi = (options.dhEmi ?? (time ?? TimeProvider.System).GetUtcNow()).ToOffset(Brasilia);
        dhEmi = dhEmi.AddTicks(-(dhEmi.Ticks % TimeSpan.TicksPerSecond));
        var cNF = options.cNF ?? AccessKey.RandomCNF(options.nNF);
        var key = AccessKey.Build(new AccessKeyParts(cUF, dhEmi.Year % 100, dhEmi.Month, options.EmitCnpj, options.mod,
            options.serie, options.nNF, options.tpEmis, cNF));

        var text = new StringBuilder(12 * 1024);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, Encoding = Encoding.UTF8 };
        using (var w = XmlWriter.Create(text, settings))
        {
            var context = new Context(options, w, cUF, dhEmi, cNF, key);
            w.WriteStartElement("NFe", NfeNamespaces.Nfe);
            w.WriteStartElement("infNFe", NfeNamespaces.Nfe);
            w.WriteAttributeString("versao", "4.00");
            w.WriteAttributeString("Id", "NFe" + key.Value);
            WriteIde(context);
            WriteEmit(context);
            if (options.mod == 55)
            {
                WriteDest(context);
            }

            var totals = WriteItems(context);
            WriteTotal(context, totals);
            WriteTransportAndPayment(context, totals);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteIde(Context c)
    {
        var (o, w) = (c.Options, c.Writer);
        w.WriteStartElement("ide", NfeNamespaces.Nfe);
        Element(w, "cUF", Number(c.cUF));
        Element(w, "cNF", c.cNF.ToString("D8", CultureInfo.InvariantCulture));
        Element(w, "natOp", "VENDA DE MERCADORIA");
        Element(w, "mod", Number(o.mod));
        Element(w, "serie", Number(o.serie));
        Element(w, "nNF", Number(o.nNF));
        Element(w, "dhEmi", DateTimeUtc(c.dhEmi));
        Element(w, "tpNF", "1");
        Element(w, "idDest", "1");
        Element(w, "cMunFG", Capitals.Of(o.Uf).cMun);
        Element(w, "tpImp", o.mod == 65 ? "4" : "1");
        Element(w, "tpEmis", Number(o.tpEmis));
        Element(w, "cDV", Number(c.Key.cDV));
        Element(w, "tpAmb", Number(o.tpAmb));
        Element(w, "finNFe", "1");
        Element(w, "indFinal", o.mod == 65 ? "1" : "0");
        Element(w, "indPres", "1");
        Element(w, "procEmi", "0");
        Element(w, "verProc", "TSS-Functions 1.0");
        if (o.tpEmis != 1)
        {
            // Any contingency mode needs the moment it started and a justification (15–256 characters).
            Element(w, "dhCont", DateTimeUtc(c.dhEmi.AddMinutes(-5)));
            Element(w, "xJust", "Contingencia de demonstracao: servico do autorizador indisponivel");
        }

        w.WriteEndElement();
    }

    private static void WriteEmit(Context c)
    {
        var (o, w) = (c.Options, c.Writer);
        var (cMun, xMun, cep) = Capitals.Of(o.Uf);
        w.WriteStartElement("emit", NfeNamespaces.Nfe);
        Element(w, "CNPJ", o.EmitCnpj);
        Element(w, "xNome", "EMPRESA DE DEMONSTRACAO TSS FUNCTIONS LTDA");
        Element(w, "xFant", "TSS DEMO");
        w.WriteStartElement("enderEmit", NfeNamespaces.Nfe);
        Element(w, "xLgr", "AVENIDA DAS NACOES");
        Element(w, "nro", "1000");
        Element(w, "xBairro", "CENTRO");
        Element(w, "cMun", cMun);
        Element(w, "xMun", xMun);
        Element(w, "UF", o.Uf.ToUpperInvariant());
        Element(w, "CEP", cep);
        Element(w, "cPais", "1058");
        Element(w, "xPais", "BRASIL");
        Element(w, "fone", "1130000000");
        w.WriteEndElement();
        Element(w, "IE", "123456789012");
        Element(w, "CRT", "3");
        w.WriteEndElement();
    }

    private static void WriteDest(Context c)
    {
        var (o, w) = (c.Options, c.Writer);
        var (cMun, xMun, cep) = Capitals.Of(o.Uf);
        w.WriteStartElement("dest", NfeNamespaces.Nfe);
        Element(w, "CNPJ", "11222333000181");
        Element(w, "xNome", o.tpAmb == 2 ? HomologationRecipientName : "CLIENTE DE DEMONSTRACAO COMERCIO LTDA");
        w.WriteStartElement("enderDest", NfeNamespaces.Nfe);
        Element(w, "xLgr", "RUA DOS CLIENTES");
        Element(w, "nro", "250");
        Element(w, "xCpl", "SALA 12");
        Element(w, "xBairro", "JARDIM");
        Element(w, "cMun", cMun);
        Element(w, "xMun", xMun);
        Element(w, "UF", o.Uf.ToUpperInvariant());
        Element(w, "CEP", cep);
        Element(w, "cPais", "1058");
        Element(w, "xPais", "BRASIL");
        w.WriteEndElement();
        // 9 = não contribuinte: no IE to invent for the recipient.
        Element(w, "indIEDest", "9");
        Element(w, "email", "cliente@example.com");
        w.WriteEndElement();
    }

    private static string DateTimeUtc(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString(name, NfeNamespaces.Nfe, value);

    private sealed record Context(SampleNfeOptions Options, XmlWriter Writer, int cUF, DateTimeOffset dhEmi, int cNF, AccessKey Key);
}
