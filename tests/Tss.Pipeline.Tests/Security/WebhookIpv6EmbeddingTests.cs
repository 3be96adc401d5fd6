using System.Net;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Tests.Security;

/// <summary>
/// Attack: a forbidden IPv4 address (cloud metadata, loopback, private network) written in one of its IPv6 forms —
/// NAT64, IPv4-compatible, IPv4-mapped, 6to4, Teredo — slipped past the webhook SSRF guard.
/// </summary>
public class WebhookIpv6EmbeddingTests
{
    private static readonly DistributionOptions Strict = new();

    public static TheoryData<string> ForbiddenInDisguise() =>
    [
        "64:ff9b::a9fe:a9fe",        // NAT64 of 169.254.169.254 (metadata)
        "64:ff9b::7f00:1",           // NAT64 of 127.0.0.1
        "64:ff9b::10.0.0.1",         // NAT64 of a private address
        "64:ff9b:1::a9fe:a9fe",      // local-use NAT64 prefix (RFC 8215)
        "::169.254.169.254",         // IPv4-compatible
        "::127.0.0.1",
        "::10.1.2.3",
        "::",                        // unspecified
        "::ffff:127.0.0.1",          // IPv4-mapped
        "::ffff:192.168.0.10",
        "2002:a9fe:a9fe::1",         // 6to4 of 169.254.169.254
        "2002:7f00:1::",             // 6to4 of 127.0.0.1
        "2002:c0a8:0001::1",         // 6to4 of 192.168.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo, client 127.0.0.1 obfuscated
        "2001:0:a9fe:a9fe::1",       // Teredo, server 169.254.169.254
        "2001:0:4136:e378:8000:63bf:5601:5601", // Teredo, client 169.254.169.254 obfuscated
    ];

    [Theory]
    [MemberData(nameof(ForbiddenInDisguise))]
    public void Ipv6_form_of_a_forbidden_ipv4_address_is_refused_at_save(string address)
    {
        Assert.Equal("address_blocked", WebhookUrlCheck.Check(new Uri($"https://[{address}]/hook"), Strict));
    }

    [Theory]
    [MemberData(nameof(ForbiddenInDisguise))]
    public void Ipv6_form_of_a_forbidden_ipv4_address_is_refused_as_a_connection_target(string address)
    {
        Assert.False(WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), Strict));
    }

    [Theory]
    [InlineData("64:ff9b::808:808")]          // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]           // 6to4 of 8.8.8.8
    [InlineData("2001:4860:4860::8888")]      // plain public IPv6
    public void Ipv6_forms_of_public_addresses_stay_allowed(string address)
    {
        Assert.True(WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), Strict));
    }

    [Fact]
    public async Task Delivery_to_a_nat64_form_of_loopback_is_refused_when_connecting()
    {
        var options = new DistributionOptions { AllowHttp = true };
        using var client = new WebhookClient(Options.Create(options));

        var result = await client.SendAsync(new Uri("http://[64:ff9b::7f00:1]:9/hook"), "segredo", "d-1", 1, "{}"u8.ToArray(),
            DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.True(result.Permanent, result.Error);
        Assert.StartsWith("address_blocked", result.Error, StringComparison.Ordinal);
    }
}
