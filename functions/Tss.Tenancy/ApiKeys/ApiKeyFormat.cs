using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Tss.Tenancy.ApiKeys;

/// <summary>
/// The key format <c>tss_{keyId}_{secret}</c>: key id = 16 lowercase hex characters (no '_'), secret = 32 random bytes
/// in base64url (43 characters, may contain '_' and '-'). The secret has 256 bits of entropy, so a single SHA-256 is
/// the right hash: a slow password hash would only cost CPU on every request without adding security.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "tss_";
    public const int KeyIdLength = 16;
    public const int SecretBytes = 32;

    public static (string KeyId, string Key) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var key = $"{Prefix}{keyId}_{Base64Url.EncodeToString(secret)}";
        CryptographicOperations.ZeroMemory(secret);
        return (keyId, key);
    }

    /// <summary>Splits a presented key; false when it does not have the shape of one of ours (no storage read then).</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = secret = null;
        if (key is null || key.Length != Prefix.Length + KeyIdLength + 1 + 43 || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }
        var id = key.Substring(Prefix.Length, KeyIdLength);
        if (!id.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }
        var s = key[(Prefix.Length + KeyIdLength + 1)..];
        if (!s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }
        (keyId, secret) = (id, s);
        return true;
    }

    /// <summary>SHA-256 of the secret bound to its key id, base64.</summary>
    public static string Hash(string keyId, string secret) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{keyId}:{secret}")));

    /// <summary>Compares the hash of <paramref name="secret"/> with <paramref name="storedHash"/> in constant time.</summary>
    public static bool Verify(string keyId, string secret, string storedHash)
    {
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(storedHash, expected, out var written) || written != 32)
        {
            return false;
        }
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes($"{keyId}:{secret}"));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
