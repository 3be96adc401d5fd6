using System.Globalization;
using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Danfe.Reading;

/// <summary>Small helpers over the NF-e namespace: child lookup and typed values with coded refusals.</summary>
internal static class Xml
{
    public static XmlElement? Child(XmlElement? parent, string name) => NfeElements.Child(parent, name);

    public static IEnumerable<XmlElement> Children(XmlElement? parent, string name) => NfeElements.Children(parent, name);

    /// <summary>The first child element whatever its name (e.g. the ICMS00/ICMSSN102 choice).</summary>
    public static XmlElement? FirstElement(XmlElement? parent)
    {
        for (var node = parent?.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement e)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Trimmed text of a child, null when absent or blank (re-indented files carry whitespace).</summary>
    public static string? Text(XmlElement? parent, string name)
    {
        var text = Child(parent, name)?.InnerText.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static string Required(XmlElement? parent, string name) =>
        Text(parent, name) ?? throw Invalid($"{parent?.LocalName ?? "?"}/{name} is missing.");

    public static decimal Decimal(XmlElement? parent, string name) => OptionalDecimal(parent, name) ?? 0m;

    public static decimal? OptionalDecimal(XmlElement? parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"{parent!.LocalName}/{name} is not a number.");
    }

    public static int Int(XmlElement? parent, string name, int fallback)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"{parent!.LocalName}/{name} is not an integer.");
    }

    public static DateTimeOffset? Instant(XmlElement? parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Invalid($"{parent!.LocalName}/{name} is not a date/time.");
    }

    public static DateOnly? Date(XmlElement? parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid($"{parent!.LocalName}/{name} is not a date.");
    }

    public static DanfeException Invalid(string message) => new(DanfeErrorCodes.InvalidContent, message);
}
