using Tss.Runtime.Tables;

namespace Tss.Runtime.Tests.Tables;

public class ContinuationTokensTests
{
    [Fact]
    public void A_token_comes_back_unchanged_in_the_scope_it_was_issued_for()
    {
        var wrapped = ContinuationTokens.Wrap("1!8!dGVuYW50|2!12!cm93", "tenant-a");

        Assert.True(ContinuationTokens.TryUnwrap(wrapped, "tenant-a", out var inner));
        Assert.Equal("1!8!dGVuYW50|2!12!cm93", inner);
        Assert.DoesNotContain("tenant-a", wrapped, StringComparison.Ordinal);
    }

    [Fact]
    public void No_token_means_the_first_page_and_no_next_page_means_no_token()
    {
        Assert.True(ContinuationTokens.TryUnwrap(null, "s", out var none));
        Assert.Null(none);
        Assert.True(ContinuationTokens.TryUnwrap("", "s", out _));
        Assert.Null(ContinuationTokens.Wrap(null, "s"));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm90LWEtdG9rZW4")]
    public void A_forged_or_malformed_token_is_refused(string token) => Assert.False(ContinuationTokens.TryUnwrap(token, "s", out _));

    [Fact]
    public void A_token_of_another_scope_is_refused()
    {
        var wrapped = ContinuationTokens.Wrap("next", "tenant-a");
        Assert.False(ContinuationTokens.TryUnwrap(wrapped, "tenant-b", out _));
    }

    [Fact]
    public void An_oversized_token_is_refused_before_decoding() =>
        Assert.False(ContinuationTokens.TryUnwrap(new string('A', ContinuationTokens.MaxLength + 1), "s", out _));
}
