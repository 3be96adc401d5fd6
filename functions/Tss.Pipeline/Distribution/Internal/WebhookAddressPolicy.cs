using System.Net;
using System.Net.Sockets;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// SSRF guard for tenant-supplied webhook URLs: the URL is checked before the call, and every address the host
/// name resolves to is checked again when the connection is opened (so DNS cannot point a public name at the
/// metadata endpoint or the internal network).
/// </summary>
internal static class WebhookAddressPolicy
{
    /// <summary>Null when the URL may be called; otherwise a stable error code.</summary>
    public static string? CheckUrl(Uri? url, DistributionOptions options)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return "url_invalid";
        }
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "url_scheme_not_allowed";
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "url_credentials_not_allowed";
        }
        if (url.Scheme == Uri.UriSchemeHttp && !options.AllowHttp && !(options.AllowLoopback && IsLoopbackHost(url)))
        {
            return "http_not_allowed";
        }
        return null;
    }

    /// <summary>True when a connection to <paramref name="address"/> is allowed. An IPv6 address that carries an IPv4
    /// address (<see cref="Ipv6Embedding"/>) is judged by the IPv4 rules on what it carries.</summary>
    public static bool IsAllowed(IPAddress address, DistributionOptions options)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (Ipv6Embedding.IsLocalUseNat64(address))
            {
                return options.AllowPrivateNetworks; // a translator of this network, whatever the IPv4 inside
            }
            var embedded = Ipv6Embedding.EmbeddedIPv4(address);
            if (embedded.Count > 0)
            {
                return embedded.All(v4 => IsAllowed(v4, options));
            }
        }
        if (IPAddress.IsLoopback(address))
        {
            return options.AllowLoopback;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 0 || b[0] >= 224 || (b[0] == 169 && b[1] == 254))
            {
                return false; // "this network", multicast/reserved/broadcast, link-local (cloud metadata 169.254.169.254)
            }
            var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
            return !isPrivate || options.AllowPrivateNetworks;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast || address.IsIPv6LinkLocal)
            {
                return false;
            }
            var b = address.GetAddressBytes();
            var isPrivate = (b[0] & 0xFE) == 0xFC || address.IsIPv6SiteLocal;
            return !isPrivate || options.AllowPrivateNetworks;
        }
        return false;
    }

    private static bool IsLoopbackHost(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var ip) && IPAddress.IsLoopback(ip));
}
