using System.Globalization;
using System.Security;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Parties;
using Tss.Protocol.Reference;

namespace Tss.Protocol.Messages.Internal;

/// <summary>
/// Checks builder arguments against the schema's basic types and writes them; every refusal is a
/// <see cref="MessageInputException"/> with a stable code.
/// </summary>
internal static class InputFields
{
    public static void TpAmb(int tpAmb)
    {
        if (tpAmb is not (1 or 2))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.TpAmb, $"tpAmb must be 1 (produção) or 2 (homologação); got {tpAmb}.", nameof(tpAmb));
        }
    }

    /// <summary>An IBGE UF code; the Ambiente Nacional (91) only when <paramref name="allowNational"/>.</summary>
    public static void Orgao(int code, bool allowNational, string name)
    {
        if (!(UfCodes.IsUf(code) || (allowNational && code == UfCodes.AmbienteNacional)))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.Orgao, $"{name} must be the IBGE code of a UF{(allowNational ? " or 91" : "")}; got {code}.", name);
        }
    }

    /// <summary>The element carrying the author: CNPJ (14 digits, valid check digits) or CPF (11 digits).</summary>
    public static string AuthorElement(string? document)
    {
        if (document is { Length: 14 } && document.All(char.IsAsciiDigit) && Cnpj.IsValid(document))
        {
            return $"<CNPJ>{document}</CNPJ>";
        }
        if (document is { Length: 11 } && document.All(char.IsAsciiDigit))
        {
            return $"<CPF>{document}</CPF>";
        }
        throw new MessageInputException(ProtocolErrorCodes.Message.Author, "The author must be a 14-digit CNPJ with valid check digits or an 11-digit CPF.", "author");
    }

    public static string CnpjDigits(string? cnpj, string code, string name) =>
        cnpj is { Length: 14 } && cnpj.All(char.IsAsciiDigit) && Cnpj.IsValid(cnpj)
            ? cnpj
            : throw new MessageInputException(code, $"{name} must be a 14-digit CNPJ with valid check digits.", name);

    public static AccessKey ChNFe(string? chNFe) =>
        AccessKey.TryParse(chNFe, out var key, out var error)
            ? key
            : throw new MessageInputException(ProtocolErrorCodes.Message.ChNFe, error ?? "Invalid access key.", nameof(chNFe));

    /// <summary>TDateTimeUTC: whole seconds, offset in whole hours from −11:00 to +12:00, written in the given offset.</summary>
    public static string DateTimeUtc(DateTimeOffset value, string name)
    {
        var offset = value.Offset;
        if (offset.Minutes != 0 || offset.Seconds != 0 || offset < TimeSpan.FromHours(-11) || offset > TimeSpan.FromHours(12))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.DhEvento, $"{name} needs a whole-hour UTC offset between -11:00 and +12:00; got {offset}.", name);
        }
        if (value.Year is < 2000 or > 2099)
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.DhEvento, $"{name} must be in the years 2000–2099.", name);
        }
        return value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static void Range(long value, long min, long max, string code, string name)
    {
        if (value < min || value > max)
        {
            throw new MessageInputException(code, $"{name} must be between {min} and {max}; got {value}.", name);
        }
    }

    /// <summary>nProt: TProt, 15 or 17 digits.</summary>
    public static string NProt(string? nProt) =>
        nProt is { Length: 15 or 17 } && nProt.All(char.IsAsciiDigit)
            ? nProt
            : throw new MessageInputException(ProtocolErrorCodes.Message.NProt, "nProt must have 15 or 17 digits.", nameof(nProt));

    /// <summary>
    /// TString of <paramref name="min"/>–<paramref name="max"/> characters: first and last in U+0021–U+00FF, the others
    /// in U+0020–U+00FF (no line breaks, tabs or characters outside Latin-1). Returns the text escaped for XML.
    /// </summary>
    public static string Text(string? text, int min, int max, string code, string name)
    {
        if (text is null || text.Length < min || text.Length > max)
        {
            throw new MessageInputException(code, $"{name} must have {min}–{max} characters; got {text?.Length ?? 0}.", name);
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lowest = i == 0 || i == text.Length - 1 ? '!' : ' ';
            if (c < lowest || c > '\u00FF')
            {
                throw new MessageInputException(code,
                    $"{name} may hold only Latin-1 characters without line breaks or tabs, and neither start nor end with a blank (position {i + 1}).", name);
            }
        }
        return SecurityElement.Escape(text);
    }
}
