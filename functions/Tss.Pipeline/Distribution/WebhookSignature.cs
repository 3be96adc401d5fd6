using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// The webhook signature: <c>X-Tss-Signature: sha256=&lt;hex&gt;</c> where hex = lowercase HMAC-SHA256, keyed with the
/// tenant's secret (UTF-8), over <c>"{X-Tss-Timestamp}." + body</c>. Receivers recompute it over the raw body,
/// compare in constant time and refuse timestamps far from their clock (replays).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Tss-Signature";
    public const string TimestampHeader = "X-Tss-Timestamp";
    public const string DeliveryHeader = "X-Tss-Delivery";
    public const string AttemptHeader = "X-Tss-Attempt";
    public const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> at <paramref name="timestamp"/> (constant-time).</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, ts, body));
        var actual = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
