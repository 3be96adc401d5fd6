namespace Tss.Protocol.Parties;

/// <summary>
/// CNPJ check digits (mod 11, weights 2–9 from the right then 2–9 again), for the numeric form and the alphanumeric
/// form admitted from 2026 (each character counts as its ASCII code − 48, so digits keep their value).
/// </summary>
public static class Cnpj
{
    /// <summary>True when <paramref name="cnpj"/> has 14 characters (12 of [0-9A-Z] then 2 digits) and valid check digits.</summary>
    public static bool IsValid(string? cnpj)
    {
        if (cnpj is null || cnpj.Length != 14 || !char.IsAsciiDigit(cnpj[12]) || !char.IsAsciiDigit(cnpj[13]))
        {
            return false;
        }
        for (var i = 0; i < 12; i++)
        {
            if (!char.IsAsciiDigit(cnpj[i]) && !char.IsAsciiLetterUpper(cnpj[i]))
            {
                return false;
            }
        }
        // All-equal numeric CNPJs pass the arithmetic but are never issued.
        if (cnpj.All(c => c == cnpj[0]))
        {
            return false;
        }
        return CheckDigit(cnpj.AsSpan(0, 12)) == cnpj[12] - '0' && CheckDigit(cnpj.AsSpan(0, 13)) == cnpj[13] - '0';
    }

    /// <summary>Removes the usual punctuation ("12.345.678/0001-95" → "12345678000195") and upper-cases letters.</summary>
    public static string Normalize(string cnpj) =>
        new(cnpj.Where(c => c is not ('.' or '/' or '-' or ' ')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>The 8-character root (CNPJ base) shared by a company's branches.</summary>
    public static string Root(string cnpj) => cnpj.Length >= 8 ? cnpj[..8] : cnpj;

    /// <summary>Completes a 12-character base with its two check digits.</summary>
    public static string WithCheckDigits(string first12)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(first12.Length, 12);
        var d1 = CheckDigit(first12);
        var d2 = CheckDigit(first12 + (char)('0' + d1));
        return $"{first12}{d1}{d2}";
    }

    private static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
