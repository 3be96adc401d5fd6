using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tss.Runtime.Tables;

/// <summary>
/// Continuation tokens handed to API callers: the table service's token travels base64url-encoded behind a short tag of
/// the scope it was issued for (a tenant, an entity). The query's filter alone keeps a listing inside its partition;
/// the tag turns a token from another scope, or a forged one, into a clear error instead of a confusing page.
/// </summary>
public static class ContinuationTokens
{
    /// <summary>Longest token accepted back (the table service's own tokens are far shorter).</summary>
    public const int MaxLength = 1024;

    /// <summary>The token to hand out for the table service's <paramref name="token"/> (null when there is no next page).</summary>
    public static string? Wrap(string? token, string scope) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Tag(scope) + " " + token));

    /// <summary>
    /// The table service's token inside <paramref name="token"/>: null (first page) when none was given; false when it
    /// is malformed, too long, or was issued for another scope.
    /// </summary>
    public static bool TryUnwrap(string? token, string scope, out string? inner)
    {
        inner = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }
        if (token.Length > MaxLength)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }
        var tag = Tag(scope) + " ";
        if (!decoded.StartsWith(tag, StringComparison.Ordinal) || decoded.Length == tag.Length)
        {
            return false;
        }
        inner = decoded[tag.Length..];
        return true;
    }

    private static string Tag(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, 6));
}
