using System.Security.Cryptography;
using System.Text;

namespace Tss.Tenancy.Certificates.KeyVault;

/// <summary>
/// Key Vault certificate names and <c>kv:</c> references. One certificate object per tenant and CNPJ
/// (<c>tss-{tenant}-{cnpj}</c>); a new upload is a new version of it. A reference names the version
/// (<c>kv:{name}/{version}</c>), so it never changes meaning and a cached certificate is never stale.
/// </summary>
internal static class KeyVaultCertificateNames
{
    public const string Scheme = "kv:";

    /// <summary>Key Vault object names: 1–127 of ASCII letters, digits and '-'.</summary>
    public const int MaxLength = 127;

    /// <summary>The certificate name of an entity; characters Key Vault refuses become '-', and a hash keeps such names distinct.</summary>
    public static string For(string tenantId, string cnpj)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(cnpj);
        var raw = $"tss-{tenantId}-{cnpj}";
        var clean = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        var name = clean.ToString();
        // Key Vault names are case-insensitive: two raw names differing only in case, or in a replaced character,
        // would meet on one object, so a changed or too-long name gets a hash of the original.
        if (name == raw.ToLowerInvariant() && name.Length <= MaxLength)
        {
            return name;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..12];
        var head = name.Length > MaxLength - 13 ? name[..(MaxLength - 13)] : name;
        return $"{head}-{hash}";
    }

    public static string Reference(string name, string version) => $"{Scheme}{name}/{version}";

    /// <summary>Splits a <c>kv:{name}/{version}</c> reference; false for anything else (another store's, or malformed).</summary>
    public static bool TryParse(string reference, out string name, out string version)
    {
        name = version = "";
        if (!reference.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = reference[Scheme.Length..].Split('/');
        if (parts.Length != 2 || !IsValidName(parts[0]) || parts[1].Length is 0 or > 64 || !parts[1].All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }
        (name, version) = (parts[0], parts[1]);
        return true;
    }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
