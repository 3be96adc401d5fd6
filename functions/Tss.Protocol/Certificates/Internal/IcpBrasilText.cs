namespace Tss.Protocol.Certificates.Internal;

/// <summary>Character rules for the identifiers found in ICP-Brasil otherNames.</summary>
internal static class IcpBrasilText
{
    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>14 characters: 12 of 0-9/A-Z (alphanumeric CNPJ, IN RFB 2.229/2024) then 2 check digits.</summary>
    public static bool IsCnpj(string value)
    {
        if (value.Length != 14 || !IsDigits(value.AsSpan(12)))
        {
            return false;
        }

        foreach (var c in value.AsSpan(0, 12))
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }
}
