using System.Security.Cryptography;
using System.Text;
using Tss.Pipeline.Distribution;

namespace Tss.Pipeline.Tests.Distribution;

public class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"chNFe\":\"1\",\"xMotivo\":\"Autorização\"}");

    [Fact]
    public void Signature_is_hmac_sha256_of_timestamp_dot_body_in_lowercase_hex()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData("k3y"u8.ToArray(), (byte[])[.. "1795000000."u8.ToArray(), .. Body]));

        Assert.Equal("sha256=" + expected, WebhookSignature.Compute("k3y", 1795000000, Body));
    }

    [Fact]
    public void Verify_accepts_the_signature_and_refuses_any_change()
    {
        var header = WebhookSignature.Compute("k3y", 1795000000, Body);

        Assert.True(WebhookSignature.Verify("k3y", "1795000000", Body, header));
        Assert.False(WebhookSignature.Verify("k3y", "1795000001", Body, header));
        Assert.False(WebhookSignature.Verify("other", "1795000000", Body, header));
        Assert.False(WebhookSignature.Verify("k3y", "1795000000", [.. Body, (byte)' '], header));
        Assert.False(WebhookSignature.Verify("k3y", "-1", Body, header));
        Assert.False(WebhookSignature.Verify("k3y", "1795000000", Body, null));
    }
}
