using Tss.Protocol.Parties;

namespace Tss.Protocol.Tests;

public class CnpjTests
{
    [Theory]
    [InlineData("11222333000181")]
    [InlineData("33000167000101")]
    [InlineData("12ABC34501DE35")] // Receita Federal's published example of the alphanumeric CNPJ
    public void Valid_cnpjs_are_accepted(string cnpj) => Assert.True(Cnpj.IsValid(cnpj));

    [Theory]
    [InlineData("11222333000182")]
    [InlineData("11222333000191")]
    [InlineData("1122233300018")]
    [InlineData("112223330001811")]
    [InlineData("00000000000000")]
    [InlineData("11111111111111")]
    [InlineData("12abc34501DE35")]
    [InlineData("12ABC34501DE3A")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_cnpjs_are_refused(string? cnpj) => Assert.False(Cnpj.IsValid(cnpj));

    [Fact]
    public void Check_digits_complete_a_base() => Assert.Equal("11222333000181", Cnpj.WithCheckDigits("112223330001"));

    [Fact]
    public void Punctuation_is_removed() => Assert.Equal("11222333000181", Cnpj.Normalize("11.222.333/0001-81"));

    [Fact]
    public void Root_is_the_first_eight_characters() => Assert.Equal("11222333", Cnpj.Root("11222333000181"));
}
