namespace Tss.Protocol.AccessKeys;

/// <summary>A 44-character access key with a valid mod-11 check digit.</summary>
public readonly record struct AccessKey
{
    private AccessKey(string value) => Value = value;

    /// <summary>The 44 characters.</summary>
    public string Value { get; }

    /// <summary>The check digit (last character).</summary>
    public int cDV => Value[43] - '0';

    /// <summary>Builds a key from its parts, computing the check digit.</summary>
    public static AccessKey Build(AccessKeyParts parts) => throw new NotImplementedException();

    /// <summary>Parses and checks length, character classes and check digit; <paramref name="error"/> says what failed.</summary>
    public static bool TryParse(string? text, out AccessKey key, out string? error) => throw new NotImplementedException();

    /// <summary>Mod-11 check digit over the first 43 characters (value of a character = ASCII − 48).</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> first43) => throw new NotImplementedException();

    /// <summary>Splits the key back into its parts.</summary>
    public AccessKeyParts Parts => throw new NotImplementedException();

    /// <summary>A cNF that follows the usual rules (8 digits, not all equal, not a plain ascending run, ≠ nNF).</summary>
    public static int RandomCNF(int nNF) => throw new NotImplementedException();

    public override string ToString() => Value;
}
