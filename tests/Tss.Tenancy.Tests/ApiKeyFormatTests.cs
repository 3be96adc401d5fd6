using Tss.Tenancy.ApiKeys;

namespace Tss.Tenancy.Tests;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void New_keys_have_the_documented_shape_and_parse_back()
    {
        var (keyId, key) = ApiKeyFormat.New();

        Assert.Matches("^tss_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        Assert.True(ApiKeyFormat.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(keyId, parsedId);
        Assert.Equal(32, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public void Two_new_keys_differ()
    {
        Assert.NotEqual(ApiKeyFormat.New().Key, ApiKeyFormat.New().Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer tss_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tss_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tss_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tss_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("xyz_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_keys_are_refused_without_a_lookup(string? key)
    {
        Assert.False(ApiKeyFormat.TryParse(key, out _, out _));
    }

    [Fact]
    public void Verification_accepts_only_the_same_secret_for_the_same_key_id()
    {
        var (keyId, key) = ApiKeyFormat.New();
        ApiKeyFormat.TryParse(key, out _, out var secret);
        var hash = ApiKeyFormat.Hash(keyId, secret!);

        Assert.True(ApiKeyFormat.Verify(keyId, secret!, hash));
        Assert.False(ApiKeyFormat.Verify(keyId, secret![..^1] + (secret[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKeyFormat.Verify("fedcba9876543210", secret, hash));
        Assert.False(ApiKeyFormat.Verify(keyId, secret, "not base64"));
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
    }
}
