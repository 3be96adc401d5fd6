namespace Tss.Protocol.Nfce;

/// <summary>
/// The CSC (Código de Segurança do Contribuinte) a UF issued to a company for the NFC-e QR code v2: its identifier
/// (idCSC / cIdToken, 1–6 digits) and the secret token (16–36 letters and digits).
/// </summary>
public sealed record NfceCsc(string Id, string Token)
{
    /// <summary>True when <paramref name="id"/> is 1–6 digits and <paramref name="token"/> 16–36 ASCII letters or digits.</summary>
    public static bool IsValid(string? id, string? token) => IsValidId(id) && IsValidToken(token);

    /// <summary>idCSC: 1–6 digits.</summary>
    public static bool IsValidId(string? id) => id is { Length: >= 1 and <= 6 } && id.All(char.IsAsciiDigit);

    /// <summary>The CSC: 16–36 ASCII letters or digits.</summary>
    public static bool IsValidToken(string? token) => token is { Length: >= 16 and <= 36 } && token.All(char.IsAsciiLetterOrDigit);

    /// <summary>cIdToken as the QR code carries it: the number without leading zeros ("000001" → "1").</summary>
    public string QrId => Id.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"NfceCsc {{ Id = {Id} }}";
}
