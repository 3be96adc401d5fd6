using System.Globalization;

namespace Tss.Danfe.Formatting;

/// <summary>Brazilian print formats (the product runs with invariant globalization, so no pt-BR culture is used).</summary>
internal static class Br
{
    private static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <summary>1.234,56</summary>
    public static string Money(decimal value) => value.ToString("#,##0.00", Numbers);

    /// <summary>Quantities and unit values: up to 4 decimals, at least 2 (1,50 · 1,2345).</summary>
    public static string Quantity(decimal value) => value.ToString("#,##0.00##", Numbers);

    /// <summary>Unit value with up to 10 decimals as in the XML, at least 2.</summary>
    public static string Unit(decimal value) => value.ToString("#,##0.00########", Numbers);

    /// <summary>Rate in percent: 18,00.</summary>
    public static string Rate(decimal value) => value.ToString("0.00##", Numbers);

    /// <summary>Weight: 3 decimals.</summary>
    public static string Weight(decimal value) => value.ToString("#,##0.000", Numbers);

    /// <summary>CNPJ (14 digits) as 00.000.000/0000-00, CPF (11) as 000.000.000-00, anything else unchanged.</summary>
    public static string Document(string? digits) => digits switch
    {
        null => string.Empty,
        { Length: 14 } d when IsDigits(d) => $"{d[..2]}.{d[2..5]}.{d[5..8]}/{d[8..12]}-{d[12..]}",
        { Length: 11 } d when IsDigits(d) => $"{d[..3]}.{d[3..6]}.{d[6..9]}-{d[9..]}",
        _ => digits,
    };

    /// <summary>The access key in 11 groups of four digits.</summary>
    public static string Key(string key) => string.Join(' ', Enumerable.Range(0, key.Length / 4).Select(i => key.Substring(i * 4, 4)));

    /// <summary>nNF as 000.000.001.</summary>
    public static string Number(long nNF)
    {
        var d = nNF.ToString("D9", CultureInfo.InvariantCulture);
        return $"{d[..3]}.{d[3..6]}.{d[6..]}";
    }

    public static string Serie(int serie) => serie.ToString("D3", CultureInfo.InvariantCulture);

    public static string Cep(string? cep) => cep is { Length: 8 } c ? $"{c[..5]}-{c[5..]}" : cep ?? string.Empty;

    public static string Phone(string? fone) => fone switch
    {
        null => string.Empty,
        { Length: 10 } f => $"({f[..2]}) {f[2..6]}-{f[6..]}",
        { Length: 11 } f => $"({f[..2]}) {f[2..7]}-{f[7..]}",
        _ => fone,
    };

    /// <summary>Dates and times are printed in the offset the document carries (Brasília time when none).</summary>
    public static string Date(DateTimeOffset value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A moment shown in Brasília time (UTC−3), for instants the renderer makes itself.</summary>
    public static DateTimeOffset InBrasilia(DateTimeOffset value) => value.ToOffset(Brasilia);

    private static bool IsDigits(string s) => s.All(char.IsAsciiDigit);
}
