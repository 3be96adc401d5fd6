using System.Globalization;
using System.Text;
using Tss.Protocol.Messages.Internal;

namespace Tss.Protocol.Messages;

public static partial class NfeRequests
{
    /// <summary>tpEvento of the cancellation (cancelamento).</summary>
    public const string TpEventoCancelamento = "110111";

    /// <summary>tpEvento of the correction letter (carta de correção, CC-e).</summary>
    public const string TpEventoCartaCorrecao = "110110";

    /// <summary>Most events one envEvento may carry (schema limit).</summary>
    public const int MaxEventsPerLot = 20;

    /// <summary>Highest nSeqEvento (schema of 110110/110111; SEFAZ answers 594 beyond its own limit).</summary>
    public const int MaxNSeqEvento = 20;

    /// <summary>
    /// The fixed condition-of-use text of the CC-e (xCondUso), in the unaccented form the schema enumerates together
    /// with descEvento "Carta de Correcao" (leiauteCCe_v1.00.xsd).
    /// </summary>
    public const string CCeConditionsOfUse =
        "A Carta de Correcao e disciplinada pelo paragrafo 1o-A do art. 7o do Convenio S/N, de 15 de dezembro de 1970 e pode ser "
        + "utilizada para regularizacao de erro ocorrido na emissao de documento fiscal, desde que o erro nao esteja relacionado "
        + "com: I - as variaveis que determinam o valor do imposto tais como: base de calculo, aliquota, diferenca de preco, "
        + "quantidade, valor da operacao ou da prestacao; II - a correcao de dados cadastrais que implique mudanca do remetente "
        + "ou do destinatario; III - a data de emissao ou de saida.";

    private const string EventVersion = "1.00";

    /// <summary>The event Id: "ID" + tpEvento (6) + chNFe (44) + nSeqEvento (2, zero-padded).</summary>
    public static string EventId(string tpEvento, string chNFe, int nSeqEvento) =>
        string.Create(CultureInfo.InvariantCulture, $"ID{tpEvento}{chNFe}{nSeqEvento:00}");

    /// <summary>
    /// An unsigned cancellation event (110111): evento 1.00 with infEvento ready to be signed (sign "infEvento").
    /// </summary>
    /// <param name="cOrgao">The UF of the key (the emitter's authorizer).</param>
    /// <param name="author">The emitter's CNPJ (14 digits) or CPF (11 digits).</param>
    /// <param name="nProt">The authorization protocol of the NF-e.</param>
    /// <param name="xJust">Justification, 15–255 characters.</param>
    /// <param name="nSeqEvento">1 for the cancellation (SEFAZ registers one cancellation per NF-e).</param>
    /// <exception cref="MessageInputException">An argument cannot become a valid event.</exception>
    public static string Cancelamento(int cOrgao, int tpAmb, string author, string chNFe, DateTimeOffset dhEvento, string nProt,
        string xJust, int nSeqEvento = 1)
    {
        var nProtText = InputFields.NProt(nProt);
        var justification = InputFields.Text(xJust, 15, 255, ProtocolErrorCodes.Message.XJust, nameof(xJust));
        return Evento(cOrgao, tpAmb, author, chNFe, dhEvento, TpEventoCancelamento, nSeqEvento,
            $"<descEvento>Cancelamento</descEvento><nProt>{nProtText}</nProt><xJust>{justification}</xJust>");
    }

    /// <summary>
    /// An unsigned correction letter (110110). Each CC-e replaces the previous one, so <paramref name="xCorrecao"/>
    /// must repeat every correction still wanted; <paramref name="nSeqEvento"/> counts the letters of the NF-e (1–20).
    /// </summary>
    /// <param name="xCorrecao">The correction, 15–1000 characters.</param>
    /// <exception cref="MessageInputException">An argument cannot become a valid event.</exception>
    public static string CartaCorrecao(int cOrgao, int tpAmb, string author, string chNFe, DateTimeOffset dhEvento, int nSeqEvento,
        string xCorrecao)
    {
        var correction = InputFields.Text(xCorrecao, 15, 1000, ProtocolErrorCodes.Message.XCorrecao, nameof(xCorrecao));
        return Evento(cOrgao, tpAmb, author, chNFe, dhEvento, TpEventoCartaCorrecao, nSeqEvento,
            $"<descEvento>Carta de Correcao</descEvento><xCorrecao>{correction}</xCorrecao><xCondUso>{CCeConditionsOfUse}</xCondUso>");
    }

    /// <summary>envEvento 1.00: idLote (1–15 digits) and 1–20 signed evento elements, each inserted verbatim.</summary>
    /// <exception cref="MessageInputException">idLote, the count, or an item that is not an evento element.</exception>
    public static string EnvEvento(long idLote, IEnumerable<string> signedEventos)
    {
        InputFields.Range(idLote, 0, MaxIdLote, ProtocolErrorCodes.Message.IdLote, nameof(idLote));
        ArgumentNullException.ThrowIfNull(signedEventos);
        var events = signedEventos.Select(e => StripDeclaration(e, "evento", ProtocolErrorCodes.Message.Evento)).ToList();
        if (events.Count is 0 or > MaxEventsPerLot)
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.EventCount, $"An event lot holds 1–{MaxEventsPerLot} events; got {events.Count}.", nameof(signedEventos));
        }

        var builder = new StringBuilder(96 + events.Sum(e => e.Length));
        builder.Append(CultureInfo.InvariantCulture, $"<envEvento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{EventVersion}\"><idLote>{idLote}</idLote>");
        foreach (var evento in events)
        {
            builder.Append(evento);
        }
        return builder.Append("</envEvento>").ToString();
    }

    private static string Evento(int cOrgao, int tpAmb, string author, string chNFe, DateTimeOffset dhEvento, string tpEvento,
        int nSeqEvento, string detEvento)
    {
        InputFields.Orgao(cOrgao, allowNational: false, nameof(cOrgao));
        InputFields.TpAmb(tpAmb);
        var authorElement = InputFields.AuthorElement(author);
        var key = InputFields.ChNFe(chNFe).Value;
        var when = InputFields.DateTimeUtc(dhEvento, nameof(dhEvento));
        InputFields.Range(nSeqEvento, 1, MaxNSeqEvento, ProtocolErrorCodes.Message.NSeqEvento, nameof(nSeqEvento));
        return string.Create(CultureInfo.InvariantCulture,
            $"<evento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{EventVersion}\"><infEvento Id=\"{EventId(tpEvento, key, nSeqEvento)}\">"
            + $"<cOrgao>{cOrgao}</cOrgao><tpAmb>{tpAmb}</tpAmb>{authorElement}<chNFe>{key}</chNFe><dhEvento>{when}</dhEvento>"
            + $"<tpEvento>{tpEvento}</tpEvento><nSeqEvento>{nSeqEvento}</nSeqEvento><verEvento>{EventVersion}</verEvento>"
            + $"<detEvento versao=\"{EventVersion}\">{detEvento}</detEvento></infEvento></evento>");
    }

    // Removes a BOM, an XML declaration and surrounding whitespace; the element itself stays byte-for-byte.
    private static string StripDeclaration(string xml, string element, string code)
    {
        if (xml is null)
        {
            throw new MessageInputException(code, $"A {element} is missing.", element);
        }
        var text = xml.AsSpan().TrimStart('\uFEFF').Trim();
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0)
            {
                throw new MessageInputException(code, $"A {element} has an unterminated XML declaration.", element);
            }
            text = text[(end + 2)..].TrimStart();
        }
        var open = "<" + element;
        if (!text.StartsWith(open, StringComparison.Ordinal) || text.Length <= open.Length || text[open.Length] is not (' ' or '>')
            || !text.EndsWith($"</{element}>", StringComparison.Ordinal))
        {
            throw new MessageInputException(code, $"Each item must be a {element} element.", element);
        }
        return text.ToString();
    }
}
