using System.Xml;
using Tss.Protocol.Messages.Internal;
using Tss.Protocol.Reactions;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages;

/// <summary>
/// The distribution documents stored after SEFAZ registers an event or an inutilização: procEventoNFe 1.00
/// {evento, retEvento} and ProcInutNFe 4.00 {inutNFe, retInutNFe}. Both parts are inserted verbatim (the signatures cover
/// their bytes); only declarations and surrounding whitespace are removed.
/// </summary>
public static class NfeProcs
{
    /// <summary>procEventoNFe of a registered event (retEvento cStat 135, 136 or 155 for the same event).</summary>
    /// <param name="signedEvento">The signed evento as sent.</param>
    /// <param name="retEventoXml">The retEvento as received (<see cref="RetEvento.Xml"/>).</param>
    /// <exception cref="MessageInputException">A part is not the expected element, the answer is not a registration, or
    /// it answers another event (code <see cref="ProtocolErrorCodes.Message.ProcPart"/>).</exception>
    public static string ProcEventoNFe(string signedEvento, string retEventoXml)
    {
        var evento = Part(signedEvento, "evento");
        var ret = Part(retEventoXml, "retEvento");
        var infEvento = Child(Load(evento), "infEvento");
        var answer = Parse(() => NfeResponses.ParseRetEvento(Load(ret)));
        if (!answer.IsRegistered)
        {
            throw Refused($"The retEvento is not a registration (cStat {answer.cStat}).");
        }
        if (answer.chNFe != Text(infEvento, "chNFe") || answer.tpEvento != Text(infEvento, "tpEvento")
            || answer.nSeqEvento?.ToString(System.Globalization.CultureInfo.InvariantCulture) != Text(infEvento, "nSeqEvento"))
        {
            throw Refused("The retEvento answers another event (chNFe, tpEvento or nSeqEvento differ).");
        }
        return $"<procEventoNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.00\">{evento}{ret}</procEventoNFe>";
    }

    /// <summary>ProcInutNFe of a homologated inutilização (retInutNFe cStat 102 for the same range).</summary>
    /// <exception cref="MessageInputException">As for <see cref="ProcEventoNFe"/>.</exception>
    public static string ProcInutNFe(string signedInutNFe, string retInutNFeXml)
    {
        var inut = Part(signedInutNFe, "inutNFe");
        var ret = Part(retInutNFeXml, "retInutNFe");
        var infInut = Child(Load(inut), "infInut");
        var answer = Parse(() => NfeResponses.ParseRetInutNFe(Load(ret)));
        if (CStatTables.Inutilizacao.React(answer.cStat) != CStatReaction.VoidRange)
        {
            throw Refused($"The retInutNFe is not a homologation (cStat {answer.cStat}).");
        }
        if (Number(answer.nNFIni) != Text(infInut, "nNFIni") || Number(answer.nNFFin) != Text(infInut, "nNFFin")
            || Number(answer.serie) != Text(infInut, "serie") || (answer.CNPJ is not null && answer.CNPJ != Text(infInut, "CNPJ")))
        {
            throw Refused("The retInutNFe answers another range.");
        }
        return $"<ProcInutNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"4.00\">{inut}{ret}</ProcInutNFe>";
    }

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Part(string xml, string element)
    {
        if (xml is null)
        {
            throw Refused($"The {element} is missing.");
        }
        var text = xml.AsSpan().TrimStart('\uFEFF').Trim();
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.IndexOf("?>", StringComparison.Ordinal);
            text = end < 0 ? throw Refused($"The {element} has an unterminated XML declaration.") : text[(end + 2)..].TrimStart();
        }
        var open = "<" + element;
        if (!text.StartsWith(open, StringComparison.Ordinal) || text.Length <= open.Length || text[open.Length] is not (' ' or '>')
            || !text.EndsWith($"</{element}>", StringComparison.Ordinal))
        {
            throw Refused($"Expected a {element} element.");
        }
        return text.ToString();
    }

    private static XmlElement Load(string xml) =>
        Parse(() => SafeXml.Load(xml).DocumentElement ?? throw Refused("The document has no root element."));

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (XmlInputException e)
        {
            throw Refused($"Unreadable part: {e.Message}");
        }
    }

    private static XmlElement Child(XmlElement parent, string localName) =>
        ResponseFields.Child(parent, localName) ?? throw Refused($"{parent.LocalName} has no {localName}.");

    private static string? Text(XmlElement parent, string localName) => ResponseFields.Optional(parent, localName);

    private static MessageInputException Refused(string message) => new(ProtocolErrorCodes.Message.ProcPart, message);
}
