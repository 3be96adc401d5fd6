using System.Text;
using Tss.DevTools.Pki;

namespace Tss.Sefaz.Simulator.Tests.Http;

public class TlsTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Client_with_a_certificate_from_the_test_ca_is_served()
    {
        var reply = await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ());
        Assert.Equal(107, reply.cStat);
        Assert.Equal("1", reply.Text("tMed"));
    }

    [Fact]
    public async Task Client_without_certificate_cannot_complete_the_handshake()
    {
        using var client = SimulatorFixture.CreateClient(certificate: null);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostStatusAsync(client));
    }

    [Fact]
    public async Task Client_certificate_from_another_ca_is_refused_at_the_handshake()
    {
        using var other = TestCertificateAuthority.Create("Some Other CA");
        using var certificate = other.IssueECnpj(TestPki.TransmitterCnpj, "OUTRA CA LTDA");
        using var client = SimulatorFixture.CreateClient(certificate);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostStatusAsync(client));
    }

    [Fact]
    public async Task Expired_transmitter_certificate_is_answered_with_281()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = TestPki.Ca.IssueECnpj(TestPki.TransmitterCnpj, "VENCIDA LTDA", now.AddYears(-2), now.AddDays(-1));
        var reply = await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ(), expired);
        Assert.Equal(281, reply.cStat);
        Assert.Equal("Rejeição: Certificado Transmissor Data Validade", reply.Text("xMotivo"));
    }

    [Fact]
    public async Task Transmitter_certificate_without_cnpj_is_answered_with_282()
    {
        using var noCnpj = TestPki.WithoutCnpj();
        var reply = await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ(), noCnpj);
        Assert.Equal(282, reply.cStat);
    }

    private async Task PostStatusAsync(HttpClient client)
    {
        using var content = new StringContent(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ()), Encoding.UTF8,
            "application/soap+xml");
        using var response = await client.PostAsync(simulator.SoapUri, content, TestContext.Current.CancellationToken);
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
