using System.Net.Mail;

namespace Tss.Portal.Accounts;

/// <summary>E-mail addresses as user keys: trimmed, lower-case, and free of the characters a table key cannot hold.</summary>
public static class EmailAddresses
{
    /// <summary>The normalised address, or null when it is not an address we accept.</summary>
    public static string? Normalize(string? email)
    {
        var e = email?.Trim().ToLowerInvariant();
        if (e is null || e.Length is < 3 or > 254 || e.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }
        return MailAddress.TryCreate(e, out var parsed) && parsed.Address == e && e.Contains('@', StringComparison.Ordinal) ? e : null;
    }
}
