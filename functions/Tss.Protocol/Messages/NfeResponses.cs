using System.Xml;
using Tss.Protocol.Messages.Internal;

namespace Tss.Protocol.Messages;

/// <summary>
/// Parsers for SEFAZ answers (the element inside nfeResultMsg). Throw <see cref="Xml.XmlInputException"/> with code
/// <see cref="ProtocolErrorCodes.Xml.UnexpectedRoot"/> or <see cref="ProtocolErrorCodes.Xml.Malformed"/> when the element is not
/// the expected answer or misses a required field.
/// </summary>
/// <remarks>
/// Each parser has an overload taking <c>sourceXml</c>, the exact text the element's document was parsed from (for
/// the client: the whole SOAP answer). With it, <see cref="ProtNFe.Xml"/> and the procEventoNFe texts are cut from that
/// text byte for byte (plus the namespace declarations they inherit); without it they are the DOM serialization.
/// </remarks>
public static partial class NfeResponses
{
    public static RetEnviNFe ParseRetEnviNFe(XmlElement root) => ParseRetEnviNFe(root, null);

    /// <summary>retEnviNFe: 103 with infRec{nRec,tMed}, 104 with one protNFe, or a lot rejection with neither.</summary>
    public static RetEnviNFe ParseRetEnviNFe(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retEnviNFe");
        var text = new ReceivedText(root, sourceXml);
        var infRec = ResponseFields.Child(root, "infRec");
        var protNFe = ResponseFields.Child(root, "protNFe");
        return new RetEnviNFe(
            ResponseFields.TpAmb(root),
            ResponseFields.Required(root, "verAplic"),
            ResponseFields.CStat(root),
            ResponseFields.Required(root, "xMotivo"),
            ResponseFields.CUF(root),
            ResponseFields.DateTimeUtc(root, "dhRecbto"),
            infRec is null ? null : ResponseFields.NRec(infRec),
            infRec is null ? null : ResponseFields.TMed(infRec),
            protNFe is null ? null : ParseProt(protNFe, text));
    }

    public static RetConsReciNFe ParseRetConsReciNFe(XmlElement root) => ParseRetConsReciNFe(root, null);

    /// <summary>retConsReciNFe: 104 with 0..50 protNFe, 105, 106, 656…; cMsg/xMsg when the UF sends them.</summary>
    public static RetConsReciNFe ParseRetConsReciNFe(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retConsReciNFe");
        var text = new ReceivedText(root, sourceXml);
        return new RetConsReciNFe(
            ResponseFields.TpAmb(root),
            ResponseFields.Required(root, "verAplic"),
            ResponseFields.NRec(root),
            ResponseFields.CStat(root),
            ResponseFields.Required(root, "xMotivo"),
            ResponseFields.CUF(root),
            ResponseFields.DateTimeUtc(root, "dhRecbto"),
            [.. ResponseFields.Children(root, "protNFe").Select(p => ParseProt(p, text))],
            ResponseFields.Optional(root, "cMsg"),
            ResponseFields.Optional(root, "xMsg"));
    }

    public static RetConsStatServ ParseRetConsStatServ(XmlElement root) => ParseRetConsStatServ(root, null);

    /// <summary>retConsStatServ: 107 in operation, 108/109 paralysed (with dhRetorno/xObs when announced).</summary>
    public static RetConsStatServ ParseRetConsStatServ(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retConsStatServ");
        return new RetConsStatServ(
            ResponseFields.TpAmb(root),
            ResponseFields.Required(root, "verAplic"),
            ResponseFields.CStat(root),
            ResponseFields.Required(root, "xMotivo"),
            ResponseFields.CUF(root),
            ResponseFields.DateTimeUtc(root, "dhRecbto"),
            ResponseFields.TMed(root),
            ResponseFields.OptionalDateTimeUtc(root, "dhRetorno"),
            ResponseFields.Optional(root, "xObs"));
    }

    public static RetConsSitNFe ParseRetConsSitNFe(XmlElement root) => ParseRetConsSitNFe(root, null);

    /// <summary>retConsSitNFe: 100/150 with protNFe, 101/135/155 cancelled with procEventoNFe, 217 unknown key, 526…</summary>
    public static RetConsSitNFe ParseRetConsSitNFe(XmlElement root, string? sourceXml)
    {
        ResponseFields.RequireRoot(root, "retConsSitNFe");
        var text = new ReceivedText(root, sourceXml);
        var protNFe = ResponseFields.Child(root, "protNFe");
        return new RetConsSitNFe(
            ResponseFields.TpAmb(root),
            ResponseFields.Required(root, "verAplic"),
            ResponseFields.CStat(root),
            ResponseFields.Required(root, "xMotivo"),
            ResponseFields.CUF(root),
            ResponseFields.DateTimeUtc(root, "dhRecbto"),
            ResponseFields.ChNFe(root),
            protNFe is null ? null : ParseProt(protNFe, text),
            [.. ResponseFields.Children(root, "procEventoNFe").Select(text.Of)]);
    }

    public static ProtNFe ParseProtNFe(XmlElement protNFe) => ParseProtNFe(protNFe, null);

    /// <summary>protNFe/infProt fields plus the element's own text (see <see cref="ProtNFe.Xml"/>).</summary>
    public static ProtNFe ParseProtNFe(XmlElement protNFe, string? sourceXml) =>
        ParseProt(protNFe, new ReceivedText(protNFe, sourceXml));

    private static ProtNFe ParseProt(XmlElement protNFe, ReceivedText text)
    {
        ResponseFields.RequireRoot(protNFe, "protNFe");
        var infProt = ResponseFields.RequiredChild(protNFe, "infProt");
        return new ProtNFe(
            ResponseFields.TpAmb(infProt),
            ResponseFields.Required(infProt, "verAplic"),
            ResponseFields.ChNFe(infProt),
            ResponseFields.DateTimeUtc(infProt, "dhRecbto"),
            ResponseFields.NProt(infProt),
            ResponseFields.Optional(infProt, "digVal"),
            ResponseFields.CStat(infProt),
            ResponseFields.Required(infProt, "xMotivo"),
            text.Of(protNFe),
            ResponseFields.Optional(infProt, "cMsg"),
            ResponseFields.Optional(infProt, "xMsg"));
    }
}
