using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages.Internal;

/// <summary>
/// Reads the simple fields of a SEFAZ answer (direct children in the NF-e namespace) and checks them against the
/// schema's basic types. Every refusal is an <see cref="XmlInputException"/> naming the field, never the document.
/// </summary>
internal static partial class ResponseFields
{
    private static readonly string[] DateTimeUtcFormats = ["yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <summary>Checks the element is {nfe}<paramref name="localName"/>.</summary>
    public static void RequireRoot(XmlElement element, string localName)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.LocalName != localName || element.NamespaceURI != NfeNamespaces.Nfe)
        {
            throw new XmlInputException(
                ProtocolErrorCodes.Xml.UnexpectedRoot,
                $"Expected {{{NfeNamespaces.Nfe}}}{localName} but got {{{element.NamespaceURI}}}{element.LocalName}.");
        }
    }

    public static XmlElement? Child(XmlElement parent, string localName)
    {
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement e && e.LocalName == localName && e.NamespaceURI == NfeNamespaces.Nfe)
            {
                return e;
            }
        }
        return null;
    }

    public static IEnumerable<XmlElement> Children(XmlElement parent, string localName)
    {
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement e && e.LocalName == localName && e.NamespaceURI == NfeNamespaces.Nfe)
            {
                yield return e;
            }
        }
    }

    public static XmlElement RequiredChild(XmlElement parent, string localName) =>
        Child(parent, localName) ?? throw Missing(parent, localName);

    public static string? Optional(XmlElement parent, string localName)
    {
        var text = Child(parent, localName)?.InnerText;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static string Required(XmlElement parent, string localName) =>
        Optional(parent, localName) ?? throw Missing(parent, localName);

    /// <summary>tpAmb: 1 production, 2 homologation.</summary>
    public static int TpAmb(XmlElement parent)
    {
        var text = Required(parent, "tpAmb");
        return text is "1" or "2" ? text[0] - '0' : throw Invalid(parent, "tpAmb");
    }

    /// <summary>TStat: 3 digits (PL_009) or 3–4 digits (PL_010).</summary>
    public static int CStat(XmlElement parent) => Digits(parent, "cStat", StatPattern());

    /// <summary>TCodUfIBGE: 2 digits.</summary>
    public static int CUF(XmlElement parent) => Digits(parent, "cUF", TwoDigits());

    /// <summary>TMed: average answer time in seconds, 1–4 digits.</summary>
    public static int? TMed(XmlElement parent) =>
        Optional(parent, "tMed") is null ? null : Digits(parent, "tMed", MedPattern());

    /// <summary>TRec: 15 digits.</summary>
    public static string NRec(XmlElement parent) => Matching(parent, "nRec", RecPattern());

    /// <summary>TProt: 15 digits (PL_009) or 15/17 digits (PL_010).</summary>
    public static string? NProt(XmlElement parent) =>
        Optional(parent, "nProt") is null ? null : Matching(parent, "nProt", ProtPattern());

    /// <summary>TChNFe: 44 characters, the CNPJ part alphanumeric since PL_010.</summary>
    public static string ChNFe(XmlElement parent) => Matching(parent, "chNFe", ChNFePattern());

    /// <summary>TDateTimeUTC: AAAA-MM-DDThh:mm:ssTZD.</summary>
    public static DateTimeOffset DateTimeUtc(XmlElement parent, string localName) =>
        ParseDateTimeUtc(parent, localName, Required(parent, localName));

    public static DateTimeOffset? OptionalDateTimeUtc(XmlElement parent, string localName) =>
        Optional(parent, localName) is { } text ? ParseDateTimeUtc(parent, localName, text) : null;

    private static DateTimeOffset ParseDateTimeUtc(XmlElement parent, string localName, string text) =>
        DateTimeOffset.TryParseExact(text, DateTimeUtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid(parent, localName);

    private static string Matching(XmlElement parent, string localName, Regex pattern)
    {
        var text = Required(parent, localName);
        return pattern.IsMatch(text) ? text : throw Invalid(parent, localName);
    }

    private static int Digits(XmlElement parent, string localName, Regex pattern) =>
        int.Parse(Matching(parent, localName, pattern), NumberStyles.None, CultureInfo.InvariantCulture);

    private static XmlInputException Missing(XmlElement parent, string localName) =>
        new(ProtocolErrorCodes.Xml.Malformed, $"{parent.LocalName}/{localName} is required but missing or empty.");

    private static XmlInputException Invalid(XmlElement parent, string localName) =>
        new(ProtocolErrorCodes.Xml.Malformed, $"{parent.LocalName}/{localName} does not match its schema type.");

    [GeneratedRegex("^[0-9]{3,4}$")]
    private static partial Regex StatPattern();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex("^[0-9]{1,4}$")]
    private static partial Regex MedPattern();

    [GeneratedRegex("^[0-9]{15}$")]
    private static partial Regex RecPattern();

    [GeneratedRegex("^([0-9]{15}|[0-9]{17})$")]
    private static partial Regex ProtPattern();

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex ChNFePattern();
}
