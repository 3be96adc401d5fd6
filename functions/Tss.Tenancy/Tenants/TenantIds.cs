using System.Security.Cryptography;
using System.Text;

namespace Tss.Tenancy.Tenants;

/// <summary>
/// Tenant ids: lowercase ASCII letters, digits and '-', 3–40 characters, starting with a letter. They become part of
/// table partition keys ("{tenant}|{CNPJ}|{AAMM}") and blob names, so nothing else is allowed.
/// </summary>
public static class TenantIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 3 and <= 40 } && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A new id from a display name: its ASCII letters and digits (up to 24) plus 6 random characters.</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                slug.Append(c);
            }
            else if ((c == ' ' || c == '-') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 24)
            {
                break;
            }
        }
        var head = slug.ToString().Trim('-');
        if (head.Length == 0 || !char.IsAsciiLetterLower(head[0]))
        {
            head = "t" + head;
        }
        return $"{head}-{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 6)}";
    }
}
