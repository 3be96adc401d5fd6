using System.Globalization;
using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages.Internal;

internal static partial class ResponseFields
{
    /// <summary>A required whole number of at most <paramref name="maxDigits"/> digits.</summary>
    public static int Number(XmlElement parent, string localName, int maxDigits) =>
        OptionalNumber(parent, localName, maxDigits) ?? throw Missing(parent, localName);

    public static int? OptionalNumber(XmlElement parent, string localName, int maxDigits)
    {
        var text = Optional(parent, localName);
        if (text is null)
        {
            return null;
        }
        return text.Length <= maxDigits && text.All(char.IsAsciiDigit)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw Invalid(parent, localName);
    }

    /// <summary>xs:dateTime (fractions and any offset allowed, as in retConsCad/dhCons); no offset means UTC.</summary>
    public static DateTimeOffset XsDateTime(XmlElement parent, string localName)
    {
        var text = Required(parent, localName);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Invalid(parent, localName);
    }

    /// <summary>xs:date (yyyy-MM-dd).</summary>
    public static DateOnly? OptionalDate(XmlElement parent, string localName) =>
        Optional(parent, localName) is not { } text ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw Invalid(parent, localName);

    public static XmlInputException MissingField(XmlElement parent, string localName) => Missing(parent, localName);
}
