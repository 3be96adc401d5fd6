using Tss.Protocol.Reference;

namespace Tss.Protocol.Tests;

public class ReferenceTests
{
    [Theory]
    [InlineData("RO", 11)]
    [InlineData("AC", 12)]
    [InlineData("MA", 21)]
    [InlineData("BA", 29)]
    [InlineData("MG", 31)]
    [InlineData("SP", 35)]
    [InlineData("RS", 43)]
    [InlineData("MS", 50)]
    [InlineData("DF", 53)]
    public void UF_codes_follow_the_IBGE_table(string uf, int cUF)
    {
        Assert.Equal(cUF, UfCodes.ToCode(uf));
        Assert.Equal(uf, UfCodes.ToUf(cUF));
    }

    [Fact]
    public void There_are_27_distinct_UFs_and_the_AN_is_not_one()
    {
        Assert.Equal(27, UfCodes.All.Count);
        Assert.Equal(27, UfCodes.All.Select(UfCodes.ToCode).Distinct().Count());
        Assert.DoesNotContain("AN", UfCodes.All);
        Assert.False(UfCodes.IsUf(UfCodes.AmbienteNacional));
        Assert.True(UfCodes.IsUf(35));
    }

    [Fact]
    public void Ambiente_nacional_is_91()
    {
        Assert.Equal(91, UfCodes.ToCode("AN"));
        Assert.Equal("AN", UfCodes.ToUf(91));
    }

    [Fact]
    public void UF_lookup_ignores_case_and_refuses_unknown_abbreviations()
    {
        Assert.Equal(35, UfCodes.ToCode("sp"));
        Assert.Throws<ArgumentException>(() => UfCodes.ToCode("XX"));
        Assert.Null(UfCodes.ToUf(99));
    }

    [Theory]
    [InlineData(100, "Autorizado o uso da NF-e")]
    [InlineData(103, "Lote recebido com sucesso")]
    [InlineData(104, "Lote processado")]
    [InlineData(105, "Lote em processamento")]
    [InlineData(106, "Lote não localizado")]
    [InlineData(107, "Serviço em Operação")]
    [InlineData(108, "Serviço Paralisado Momentaneamente (curto prazo)")]
    [InlineData(109, "Serviço Paralisado sem Previsão")]
    [InlineData(204, "Rejeição: Duplicidade de NF-e")]
    [InlineData(214, "Rejeição: Tamanho da mensagem excedeu o limite estabelecido")]
    [InlineData(297, "Rejeição: Assinatura difere do calculado")]
    [InlineData(298, "Rejeição: Assinatura difere do padrão do Sistema")]
    [InlineData(656, "Rejeição: Consumo Indevido")]
    public void Catalog_holds_the_official_texts(int cStat, string xMotivo)
    {
        Assert.Equal(xMotivo, CStatCatalog.Text(cStat));
    }

    [Fact]
    public void Catalog_covers_the_codes_the_client_handles()
    {
        int[] handled = [101, 102, 110, 128, 135, 136, 137, 138, 150, 215, 225, 213, 227, 236, 252, 253, 502, 539, 598, 999,
            .. Enumerable.Range(280, 7), .. Enumerable.Range(290, 7)];

        Assert.All(handled, code => Assert.True(CStatCatalog.TryGetText(code, out var text) && text.Length > 5, $"cStat {code}"));
    }

    [Fact]
    public void Rejections_in_the_2xx_to_6xx_range_read_as_rejections_or_denials()
    {
        Assert.All(CStatCatalog.Codes.Where(c => c is >= 201 and < 999), code =>
            Assert.Matches("^(Rejeição: |Uso Denegado: )", CStatCatalog.Text(code)));
    }

    [Fact]
    public void Every_catalogued_text_fits_the_schema_type_of_xMotivo()
    {
        // TMotivo: TString of 1–255 characters, Latin-1 only (a typographic quote once made an answer schema-invalid).
        Assert.All(CStatCatalog.Codes, code =>
        {
            var text = CStatCatalog.Text(code);
            Assert.InRange(text.Length, 1, 255);
            Assert.Matches("^[!-\u00FF]([ -\u00FF]*[!-\u00FF])?$", text);
        });
    }

    [Fact]
    public void Unknown_code_falls_back_to_the_uncatalogued_text()
    {
        Assert.False(CStatCatalog.TryGetText(4321, out var text));
        Assert.Equal(CStatCatalog.FallbackText, text);
        Assert.Equal("Rejeição: Erro não catalogado", CStatCatalog.Text(4321));
    }
}
