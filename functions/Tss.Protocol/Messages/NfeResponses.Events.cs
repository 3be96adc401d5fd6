using System.Xml;
using Tss.Protocol.Messages.Internal;

namespace Tss.Protocol.Messages;

public static partial class NfeResponses
{
    public static RetEnvEvento ParseRetEnvEvento(XmlElement root) => ParseRetEnvEvento(root, null);

    /// <summary>retEnvEvento: 128 with one retEvento per event (each with its own cStat), or a lot rejection.</summary>
    public static RetEnvEvento ParseRetEnvEvento(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retEnvEvento");
        var text = new ReceivedText(root, sourceXml);
        return new RetEnvEvento(
            ResponseFields.Required(root, "idLote"),
            ResponseFields.TpAmb(root),
            ResponseFields.Required(root, "verAplic"),
            ResponseFields.Number(root, "cOrgao", 2),
            ResponseFields.CStat(root),
            ResponseFields.Required(root, "xMotivo"),
            [.. ResponseFields.Children(root, "retEvento").Select(r => ParseRetEventoCore(r, text))]);
    }

    public static RetEvento ParseRetEvento(XmlElement retEvento) => ParseRetEvento(retEvento, null);

    /// <summary>One retEvento (as found in retEnvEvento, procEventoNFe or retConsSitNFe).</summary>
    public static RetEvento ParseRetEvento(XmlElement retEvento, string? sourceXml) =>
        ParseRetEventoCore(retEvento, new ReceivedText(retEvento, sourceXml));

    public static RetInutNFe ParseRetInutNFe(XmlElement root) => ParseRetInutNFe(root, null);

    /// <summary>retInutNFe: 102 homologated with nProt, or a rejection.</summary>
    public static RetInutNFe ParseRetInutNFe(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retInutNFe");
        var text = new ReceivedText(root, sourceXml);
        var inf = ResponseFields.RequiredChild(root, "infInut");
        return new RetInutNFe(
            ResponseFields.TpAmb(inf),
            ResponseFields.Required(inf, "verAplic"),
            ResponseFields.CStat(inf),
            ResponseFields.Required(inf, "xMotivo"),
            ResponseFields.CUF(inf),
            ResponseFields.OptionalNumber(inf, "ano", 2),
            ResponseFields.Optional(inf, "CNPJ"),
            ResponseFields.OptionalNumber(inf, "mod", 2),
            ResponseFields.OptionalNumber(inf, "serie", 3),
            ResponseFields.OptionalNumber(inf, "nNFIni", 9),
            ResponseFields.OptionalNumber(inf, "nNFFin", 9),
            ResponseFields.DateTimeUtc(inf, "dhRecbto"),
            ResponseFields.NProt(inf),
            text.Of(root));
    }

    public static RetConsCad ParseRetConsCad(XmlElement root) => ParseRetConsCad(root, null);

    /// <summary>retConsCad 2.00: 111/112 with infCad records, or a rejection without.</summary>
    public static RetConsCad ParseRetConsCad(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retConsCad");
        var inf = ResponseFields.RequiredChild(root, "infCons");
        return new RetConsCad(
            ResponseFields.Required(inf, "verAplic"),
            ResponseFields.CStat(inf),
            ResponseFields.Required(inf, "xMotivo"),
            ResponseFields.Required(inf, "UF"),
            ResponseFields.Optional(inf, "IE"),
            ResponseFields.Optional(inf, "CNPJ"),
            ResponseFields.Optional(inf, "CPF"),
            ResponseFields.XsDateTime(inf, "dhCons"),
            ResponseFields.CUF(inf),
            [.. ResponseFields.Children(inf, "infCad").Select(ParseInfCad)]);
    }

    private static RetEvento ParseRetEventoCore(XmlElement retEvento, ReceivedText text)
    {
        ResponseFields.RequireRoot(retEvento, "retEvento");
        var inf = ResponseFields.RequiredChild(retEvento, "infEvento");
        return new RetEvento(
            ResponseFields.TpAmb(inf),
            ResponseFields.Required(inf, "verAplic"),
            ResponseFields.Number(inf, "cOrgao", 2),
            ResponseFields.CStat(inf),
            ResponseFields.Required(inf, "xMotivo"),
            ResponseFields.Optional(inf, "chNFe") is null ? null : ResponseFields.ChNFe(inf),
            ResponseFields.Optional(inf, "tpEvento"),
            ResponseFields.Optional(inf, "xEvento"),
            ResponseFields.OptionalNumber(inf, "nSeqEvento", 2),
            ResponseFields.Optional(inf, "CNPJDest"),
            ResponseFields.Optional(inf, "CPFDest"),
            ResponseFields.Optional(inf, "emailDest"),
            ResponseFields.DateTimeUtc(inf, "dhRegEvento"),
            ResponseFields.NProt(inf),
            text.Of(retEvento));
    }

    private static InfCad ParseInfCad(XmlElement inf)
    {
        var ender = ResponseFields.Child(inf, "ender");
        return new InfCad(
            ResponseFields.Required(inf, "IE"),
            ResponseFields.Optional(inf, "CNPJ"),
            ResponseFields.Optional(inf, "CPF"),
            ResponseFields.Required(inf, "UF"),
            ResponseFields.Number(inf, "cSit", 1),
            ResponseFields.Number(inf, "indCredNFe", 1),
            ResponseFields.Number(inf, "indCredCTe", 1),
            ResponseFields.Required(inf, "xNome"),
            ResponseFields.Optional(inf, "xFant"),
            ResponseFields.Optional(inf, "xRegApur"),
            ResponseFields.Optional(inf, "CNAE"),
            ResponseFields.OptionalDate(inf, "dIniAtiv"),
            ResponseFields.OptionalDate(inf, "dUltSit"),
            ResponseFields.OptionalDate(inf, "dBaixa"),
            ResponseFields.Optional(inf, "IEUnica"),
            ResponseFields.Optional(inf, "IEAtual"),
            ender is null ? null : ResponseFields.Optional(ender, "xLgr"),
            ender is null ? null : ResponseFields.Optional(ender, "nro"),
            ender is null ? null : ResponseFields.Optional(ender, "xCpl"),
            ender is null ? null : ResponseFields.Optional(ender, "xBairro"),
            ender is null ? null : ResponseFields.Optional(ender, "cMun"),
            ender is null ? null : ResponseFields.Optional(ender, "xMun"),
            ender is null ? null : ResponseFields.Optional(ender, "CEP"));
    }
}
