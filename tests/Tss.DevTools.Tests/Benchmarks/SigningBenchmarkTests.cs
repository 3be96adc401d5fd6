using Tss.DevTools.Benchmarks;
using Tss.DevTools.Pki;

namespace Tss.DevTools.Tests.Benchmarks;

/// <summary>The benchmark runs and reports figures; speed itself is never asserted (a slow machine is not a failure).</summary>
public class SigningBenchmarkTests
{
    private const string Nfe =
        "<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe versao=\"4.00\" Id=\"NFe35260711222333000181550010000123451314159264\">"
        + "<ide><cUF>35</cUF><natOp>VENDA</natOp></ide><emit><CNPJ>11222333000181</CNPJ><xNome>EMITENTE</xNome></emit></infNFe></NFe>";

    [Fact]
    public void Benchmark_reports_positive_rates_for_every_phase()
    {
        using var ca = TestCertificateAuthority.Create();
        using var certificate = ca.IssueECnpj("11222333000181", "EMITENTE TESTE LTDA");

        var result = SigningBenchmark.Run(Nfe, certificate, TimeSpan.FromMilliseconds(50));

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Nfe), result.DocumentBytes);
        Assert.True(result.SignaturesPerSecond > 0);
        Assert.True(result.ParseSignSerializePerSecond > 0);
        Assert.True(result.DigestsPerSecond > 0);
        Assert.True(result.RsaSignaturesPerSecond > 0);
    }
}
