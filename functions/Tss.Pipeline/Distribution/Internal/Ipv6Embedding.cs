using System.Net;
using System.Net.Sockets;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The IPv4 addresses an IPv6 address carries, so that the SSRF rules for IPv4 cannot be dodged by writing a forbidden
/// IPv4 address in one of its IPv6 forms: IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-compatible <c>::a.b.c.d</c>, NAT64
/// <c>64:ff9b::a.b.c.d</c> (RFC 6052), 6to4 <c>2002:AABB:CCDD::/48</c> (RFC 3056, bits 16–47) and Teredo
/// <c>2001:0::/32</c> (RFC 4380: the server in bits 32–63, the client obfuscated — inverted — in the last 32 bits).
/// </summary>
internal static class Ipv6Embedding
{
    /// <summary>The IPv4 addresses inside <paramref name="address"/> (none for a plain IPv6 address).</summary>
    public static IReadOnlyList<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return [];
        }
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return [address.MapToIPv4()];
        }
        if (AllZero(b, 0, 12) && !address.Equals(IPAddress.IPv6Loopback))
        {
            return [V4(b, 12)]; // IPv4-compatible ::/96 (deprecated; "::" becomes 0.0.0.0, refused); ::1 stays the IPv6 loopback
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && AllZero(b, 4, 8))
        {
            return [V4(b, 12)]; // NAT64 well-known prefix 64:ff9b::/96
        }
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return [V4(b, 2)]; // 6to4
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            var client = new[] { (byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15] };
            return [V4(b, 4), new IPAddress(client)]; // Teredo: server, then the de-obfuscated client
        }
        return [];
    }

    /// <summary>True for the local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215), whose translator serves this network.</summary>
    public static bool IsLocalUseNat64(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        var b = address.GetAddressBytes();
        return b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0x00 && b[5] == 0x01;
    }

    private static IPAddress V4(byte[] bytes, int offset) => new(bytes.AsSpan(offset, 4));

    private static bool AllZero(byte[] bytes, int offset, int count) => bytes.AsSpan(offset, count).IndexOfAnyExcept((byte)0) < 0;
}
