using System.Net;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// The webhook SSRF policy for settings screens: the rules the distributor applies before a call (scheme, no
/// credentials, http only where allowed) plus the address rules for a URL whose host is an IP literal or "localhost".
/// A host name is checked again, address by address, when the distributor connects.
/// </summary>
public static class WebhookUrlCheck
{
    /// <summary>Null when the URL may be saved; otherwise a stable code (url_invalid, url_scheme_not_allowed,
    /// url_credentials_not_allowed, http_not_allowed, address_blocked).</summary>
    public static string? Check(Uri? url, DistributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (WebhookAddressPolicy.CheckUrl(url, options) is { } refused)
        {
            return refused;
        }
        var host = url!.IdnHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return options.AllowLoopback ? null : "address_blocked";
        }
        return IPAddress.TryParse(host, out var ip) && !WebhookAddressPolicy.IsAllowed(ip, options) ? "address_blocked" : null;
    }
}
