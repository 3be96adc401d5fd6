using System.Net;
using System.Net.Sockets;

namespace Tss.Runtime.Net;

/// <summary>
/// The key a per-client throttle counts under: the IPv4 address, or the /64 prefix of an IPv6 address (one customer
/// line gets a whole /64, so a per-address key would give an attacker 2^64 fresh budgets). Behind the Azure ingress the
/// address is the client's, taken from X-Forwarded-For by the forwarded-headers middleware
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
public static class ClientPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
