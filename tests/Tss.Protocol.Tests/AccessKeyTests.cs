using Tss.Protocol.AccessKeys;

namespace Tss.Protocol.Tests;

public class AccessKeyTests
{
    private static readonly AccessKeyParts SampleParts = new(35, 26, 3, "12345678000195", 55, 1, 1, 1, 48213907);

    [Fact]
    public void Published_key_has_a_valid_check_digit()
    {
        // Key quoted in a public rejection guide (RS, 03/2023); its DV is 9.
        Assert.True(AccessKey.TryParse("43230307385111000102555030007448841373711789", out var key, out var error), error);
        Assert.Equal(9, key.cDV);
    }

    [Fact]
    public void Build_lays_out_the_fields_and_appends_the_check_digit()
    {
        var key = AccessKey.Build(SampleParts);

        Assert.Equal("3526031234567800019555001000000001148213907" + "3", key.Value);
        Assert.Equal(3, key.cDV);
    }

    [Fact]
    public void Check_digit_is_zero_when_the_remainder_is_zero_or_one()
    {
        // Weighted sum ≡ 0 (mod 11) gives 11 − 0 = 11, which becomes 0.
        Assert.Equal(0, AccessKey.ComputeCheckDigit("3526031234567800019555001000000002148213907"));
    }

    [Fact]
    public void Alphanumeric_cnpj_counts_letters_as_ascii_minus_48()
    {
        var key = AccessKey.Build(SampleParts with { Document = "ABCDEFGHIJKL12", nNF = 1234, cNF = 48213907 });

        Assert.Equal("352603ABCDEFGHIJKL1255001000001234148213907" + "2", key.Value);
        Assert.True(AccessKey.TryParse(key.Value, out _, out _));
    }

    [Fact]
    public void Cpf_is_left_padded_to_fourteen()
    {
        var key = AccessKey.Build(SampleParts with { Document = "12345678909" });

        Assert.Equal("00012345678909", key.Parts.Document);
    }

    [Fact]
    public void Parts_round_trip()
    {
        var parts = new AccessKeyParts(43, 24, 12, "07385111000102", 65, 503, 987654321, 9, 13737117);

        Assert.Equal(parts, AccessKey.Build(parts).Parts);
    }

    [Fact]
    public void Key_with_wrong_check_digit_is_refused()
    {
        Assert.False(AccessKey.TryParse("43230307385111000102555030007448841373711788", out _, out var error));
        Assert.Contains("check digit", error);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("4323030738511100010255503000744884137371178", "43 characters")]
    [InlineData("432303073851110001025550300074488413737117899", "45 characters")]
    [InlineData("4323030738511100010255503000744884137371178X", "position 44")]
    [InlineData("43230307385111000102555030007448841373711 89", "position 42")]
    [InlineData("43230a07385111000102555030007448841373711789", "position 6")]
    [InlineData("432303073851110001AB555030007448841373711789", "position 19")]
    [InlineData("432303073851110001025550300074488413737117８9", "position 43")]
    public void Malformed_key_is_refused_with_a_reason(string? text, string reason)
    {
        Assert.False(AccessKey.TryParse(text, out var key, out var error));
        Assert.Contains(reason, error);
        Assert.Equal(default, key);
    }

    [Fact]
    public void Lowercase_letters_are_not_an_alphanumeric_cnpj()
    {
        var upper = AccessKey.Build(SampleParts with { Document = "ABCDEFGHIJKL12" }).Value;

        Assert.False(AccessKey.TryParse(upper.ToLowerInvariant(), out _, out _));
    }

    [Fact]
    public void Parse_throws_format_exception_for_a_bad_key()
    {
        Assert.Throws<FormatException>(() => AccessKey.Parse("123"));
    }

    [Theory]
    [InlineData(9, 26, 3, "12345678000195", 55, 1, 1, 1, 1)]
    [InlineData(35, 26, 13, "12345678000195", 55, 1, 1, 1, 1)]
    [InlineData(35, 26, 0, "12345678000195", 55, 1, 1, 1, 1)]
    [InlineData(35, 26, 3, "1234567800019", 55, 1, 1, 1, 1)]
    [InlineData(35, 26, 3, "1234567800019X", 55, 1, 1, 1, 1)]
    [InlineData(35, 26, 3, "12345678000195", 55, 1000, 1, 1, 1)]
    [InlineData(35, 26, 3, "12345678000195", 55, 1, 0, 1, 1)]
    [InlineData(35, 26, 3, "12345678000195", 55, 1, 1, 0, 1)]
    [InlineData(35, 26, 3, "12345678000195", 55, 1, 1, 1, 100_000_000)]
    public void Build_refuses_parts_out_of_range(int cUF, int year, int month, string document, int mod, int serie, int nNF, int tpEmis, int cNF)
    {
        Assert.Throws<ArgumentException>(() => AccessKey.Build(new AccessKeyParts(cUF, year, month, document, mod, serie, nNF, tpEmis, cNF)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11111111)]
    [InlineData(99999999)]
    [InlineData(12345678)]
    [InlineData(23456789)]
    [InlineData(90123456)]
    [InlineData(1234567)]
    [InlineData(87654321)]
    public void Guessable_cNF_is_not_acceptable(int cNF)
    {
        Assert.False(AccessKey.IsAcceptableCNF(cNF, nNF: 1));
    }

    [Fact]
    public void cNF_equal_to_nNF_is_not_acceptable()
    {
        Assert.False(AccessKey.IsAcceptableCNF(48213907, 48213907));
        Assert.True(AccessKey.IsAcceptableCNF(48213907, 1));
    }

    [Fact]
    public void Random_cNF_is_acceptable_and_varies()
    {
        var values = Enumerable.Range(0, 200).Select(_ => AccessKey.RandomCNF(1234)).ToList();

        Assert.All(values, v => Assert.True(AccessKey.IsAcceptableCNF(v, 1234)));
        Assert.True(values.Distinct().Count() > 190);
    }
}
