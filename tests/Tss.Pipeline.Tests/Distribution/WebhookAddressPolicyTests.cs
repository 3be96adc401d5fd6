using System.Net;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Tests.Distribution;

public class WebhookAddressPolicyTests
{
    private static readonly DistributionOptions Strict = new();
    private static readonly DistributionOptions Local = new() { AllowLoopback = true };

    [Theory]
    [InlineData("https://erp.example.com/hook", null)]
    [InlineData("http://erp.example.com/hook", "http_not_allowed")]
    [InlineData("http://127.0.0.1:8080/hook", "http_not_allowed")]
    [InlineData("file:///etc/passwd", "url_scheme_not_allowed")]
    [InlineData("https://a:b@erp.example.com/", "url_credentials_not_allowed")]
    public void Production_policy_takes_only_https_without_credentials(string url, string? error) =>
        Assert.Equal(error, WebhookAddressPolicy.CheckUrl(new Uri(url), Strict));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://[::1]:8080/hook")]
    public void Plain_http_is_allowed_to_loopback_when_configured(string url) =>
        Assert.Null(WebhookAddressPolicy.CheckUrl(new Uri(url), Local));

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    public void Internal_and_metadata_addresses_are_refused(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), Strict));

    [Fact]
    public void Options_open_loopback_and_private_networks_but_never_link_local()
    {
        var open = new DistributionOptions { AllowLoopback = true, AllowPrivateNetworks = true };

        Assert.True(WebhookAddressPolicy.IsAllowed(IPAddress.Loopback, open));
        Assert.True(WebhookAddressPolicy.IsAllowed(IPAddress.Parse("10.0.0.1"), open));
        Assert.False(WebhookAddressPolicy.IsAllowed(IPAddress.Parse("169.254.169.254"), open));
    }
}
