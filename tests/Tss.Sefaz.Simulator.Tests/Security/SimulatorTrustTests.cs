using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tss.DevTools.Pki;
using Tss.Sefaz.Client;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Security;

/// <summary>
/// Issue 12, item 1: the SEFAZ client trusts servers through the service's trust anchors (section
/// Certificates:TrustAnchors, the ICP-Brasil roots in production), the same ones uploads are checked against — the
/// simulator is reached only because its test CA is configured as an anchor, and a server under any other CA is refused.
/// </summary>
public sealed class SimulatorTrustTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly string _anchor = Path.Combine(Path.GetTempPath(), $"tss-sim-anchor-{Guid.NewGuid():N}.crt");
    private readonly string _other = Path.Combine(Path.GetTempPath(), $"tss-other-anchor-{Guid.NewGuid():N}.crt");

    public void Dispose()
    {
        File.Delete(_anchor);
        File.Delete(_other);
    }

    private ServiceProvider Client(string anchor) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sefaz:BaseUrlOverride"] = simulator.SoapUri.ToString().TrimEnd('/'),
                ["Certificates:TrustAnchors:IcpBrasil"] = "true",
                ["Certificates:TrustAnchors:Paths:0"] = anchor,
            }).Build())
            .AddSefazClient()
            .BuildServiceProvider();

    [Fact]
    public async Task Sefaz_client_accepts_the_simulator_when_its_test_ca_is_a_configured_trust_anchor()
    {
        TestPki.Ca.ExportCaPem(_anchor);
        await using var services = Client(_anchor);

        var answer = await services.GetRequiredService<SefazClient>().StatusServicoAsync(new SefazTarget("SP", 55, 2), TestPki.Transmitter, TestContext.Current.CancellationToken);

        Assert.Equal(107, answer.cStat);
    }

    [Fact]
    public async Task Sefaz_client_refuses_the_simulator_when_its_ca_is_not_an_anchor()
    {
        using var other = TestCertificateAuthority.Create("Not The Simulator CA");
        other.ExportCaPem(_other);
        await using var services = Client(_other);

        var error = await Assert.ThrowsAsync<SefazException>(() =>
            services.GetRequiredService<SefazClient>().StatusServicoAsync(new SefazTarget("SP", 55, 2), TestPki.Transmitter, TestContext.Current.CancellationToken));

        Assert.Equal(SefazErrorCode.TlsFailure, error.Code);
    }
}
