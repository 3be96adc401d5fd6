using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Tss.Protocol.AccessKeys;

/// <summary>A 44-character access key with a valid mod-11 check digit (JSON: the 44 characters as a string).</summary>
[JsonConverter(typeof(AccessKeyJsonConverter))]
public readonly record struct AccessKey
{
    /// <summary>Length of a key.</summary>
    public const int Length = 44;

    private AccessKey(string value) => Value = value;

    /// <summary>The 44 characters.</summary>
    public string Value { get; }

    /// <summary>The emitter's CNPJ (or CPF left-padded to 14), characters 7–20.</summary>
    public string Emitter => Value.Substring(6, 14);

    /// <summary>AAMM of emission, characters 3–6.</summary>
    public string Aamm => Value.Substring(2, 4);

    /// <summary>The model (55 NF-e, 65 NFC-e), characters 21–22.</summary>
    public int mod => Number(Value, 20, 2);

    /// <summary>The emission type (1 normal, 4 EPEC, 6 SVC-AN, 7 SVC-RS, 9 NFC-e off-line), character 35.</summary>
    public int tpEmis => Value[34] - '0';

    /// <summary>The check digit (last character).</summary>
    public int cDV => Value[43] - '0';

    /// <summary>Builds a key from its parts, computing the check digit.</summary>
    /// <exception cref="ArgumentException">A part is out of its range (see <see cref="AccessKeyParts"/>).</exception>
    public static AccessKey Build(AccessKeyParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Require(parts.cUF is >= 10 and <= 99, nameof(parts.cUF), "must have 2 digits");
        Require(parts.Year is >= 0 and <= 99, nameof(parts.Year), "must be 0–99");
        Require(parts.Month is >= 1 and <= 12, nameof(parts.Month), "must be 1–12");
        Require(parts.mod is >= 10 and <= 99, nameof(parts.mod), "must have 2 digits");
        Require(parts.serie is >= 0 and <= 999, nameof(parts.serie), "must be 0–999");
        Require(parts.nNF is >= 1 and <= 999_999_999, nameof(parts.nNF), "must be 1–999999999");
        Require(parts.tpEmis is >= 1 and <= 9, nameof(parts.tpEmis), "must be 1–9");
        Require(parts.cNF is >= 0 and <= 99_999_999, nameof(parts.cNF), "must have at most 8 digits");
        var document = NormalizeDocument(parts.Document);

        var first43 = string.Create(CultureInfo.InvariantCulture,
            $"{parts.cUF:D2}{parts.Year:D2}{parts.Month:D2}{document}{parts.mod:D2}{parts.serie:D3}{parts.nNF:D9}{parts.tpEmis:D1}{parts.cNF:D8}");
        return new AccessKey(first43 + (char)('0' + ComputeCheckDigit(first43)));
    }

    /// <summary>Parses and checks length, character classes and check digit; <paramref name="error"/> says what failed.</summary>
    public static bool TryParse(string? text, out AccessKey key, out string? error)
    {
        key = default;
        error = Validate(text);
        if (error is not null)
        {
            return false;
        }

        key = new AccessKey(text!);
        return true;
    }

    /// <summary>Parses a key or throws <see cref="FormatException"/> saying what failed.</summary>
    public static AccessKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>Mod-11 check digit over the first 43 characters (value of a character = ASCII − 48).</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> first43)
    {
        if (first43.Length != Length - 1)
        {
            throw new ArgumentException($"The check digit is computed over {Length - 1} characters, not {first43.Length}.", nameof(first43));
        }

        // Weights 2..9 from the rightmost character, repeating; letters of an alphanumeric CNPJ count as ASCII − 48.
        var sum = 0;
        var weight = 2;
        for (var i = first43.Length - 1; i >= 0; i--)
        {
            sum += (first43[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }

        var dv = 11 - (sum % 11);
        return dv >= 10 ? 0 : dv;
    }

    /// <summary>Splits the key back into its parts.</summary>
    public AccessKeyParts Parts
    {
        get
        {
            var v = Value ?? throw new InvalidOperationException("Default AccessKey has no value.");
            return new AccessKeyParts(
                cUF: Number(v, 0, 2),
                Year: Number(v, 2, 2),
                Month: Number(v, 4, 2),
                Document: v.Substring(6, 14),
                mod: Number(v, 20, 2),
                serie: Number(v, 22, 3),
                nNF: Number(v, 25, 9),
                tpEmis: Number(v, 34, 1),
                cNF: Number(v, 35, 8));
        }
    }

    /// <summary>A cNF that follows the usual rules (8 digits, not all equal, not a plain ascending run, ≠ nNF).</summary>
    public static int RandomCNF(int nNF)
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetInt32(0, 100_000_000);
            if (IsAcceptableCNF(candidate, nNF))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="cNF"/> is 8 digits, not all equal (00000000…99999999), not a run of consecutive digits
    /// (12345678, 90123456, 87654321 …) and different from <paramref name="nNF"/>: guessable codes defeat its purpose.
    /// </summary>
    public static bool IsAcceptableCNF(int cNF, int nNF)
    {
        if (cNF is < 0 or > 99_999_999 || cNF == nNF)
        {
            return false;
        }

        Span<char> digits = stackalloc char[8];
        cNF.TryFormat(digits, out _, "D8", CultureInfo.InvariantCulture);
        bool allEqual = true, ascending = true, descending = true;
        for (var i = 1; i < digits.Length; i++)
        {
            int previous = digits[i - 1] - '0', current = digits[i] - '0';
            allEqual &= current == previous;
            ascending &= current == (previous + 1) % 10;
            descending &= current == (previous + 9) % 10;
        }

        return !(allEqual || ascending || descending);
    }

    public override string ToString() => Value;

    private static string? Validate(string? text)
    {
        if (text is null)
        {
            return "The access key is missing.";
        }

        if (text.Length != Length)
        {
            return $"The access key has {text.Length} characters; it must have {Length}.";
        }

        // PL_010 TChNFe: [0-9]{6}[0-9A-Z]{12}[0-9]{26} (alphanumeric CNPJ admitted in positions 7–18).
        for (var i = 0; i < Length; i++)
        {
            var c = text[i];
            var alphanumeric = i is >= 6 and < 18;
            if (!(char.IsAsciiDigit(c) || (alphanumeric && char.IsAsciiLetterUpper(c))))
            {
                return $"The access key has an invalid character '{c}' at position {i + 1}.";
            }
        }

        var expected = ComputeCheckDigit(text.AsSpan(0, Length - 1));
        return text[^1] - '0' == expected ? null : $"The access key's check digit is {text[^1]}; the computed one is {expected}.";
    }

    private static string NormalizeDocument(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // A CPF (11 digits) is left-padded to 14; a CNPJ may be alphanumeric in its first 12 characters (PL_010).
        var padded = document.Length == 11 && document.All(char.IsAsciiDigit) ? document.PadLeft(14, '0') : document;
        var valid = padded.Length == 14
            && padded.AsSpan(0, 12).IndexOfAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0
            && padded.AsSpan(12).IndexOfAnyExcept("0123456789") < 0;
        Require(valid, "Document", "must be a 14-character CNPJ ([0-9A-Z]{12}[0-9]{2}) or an 11-digit CPF");
        return padded;
    }

    private static int Number(string value, int start, int length) =>
        int.Parse(value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Access key part {name} {rule}.", name);
        }
    }
}
