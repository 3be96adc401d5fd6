using System.Net;
using Tss.Sefaz.Simulator.Admin;
using Tss.Sefaz.Simulator.Exchanges;

namespace Tss.Sefaz.Simulator.Tests.Http;

public class AdminTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Exchanges_record_service_transmitter_and_answered_status()
    {
        await simulator.ResetAsync();
        var since = simulator.Time.GetUtcNow();
        await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ());
        await simulator.CallAsync("NFeRetAutorizacao4", Payloads.ConsReciNFe("351000000123456"));

        var exchanges = await simulator.GetAsync<List<ExchangeRecord>>($"/admin/exchanges?since={Uri.EscapeDataString(since.ToString("O"))}");

        Assert.Equal(2, exchanges.Count);
        Assert.Equal(("NFeStatusServico4", "consStatServ", 107), (exchanges[0].Service, exchanges[0].PayloadRoot, exchanges[0].cStat[0]));
        Assert.Equal(("NFeRetAutorizacao4", "351000000123456", 106), (exchanges[1].Service, exchanges[1].nRec, exchanges[1].cStat[0]));
        Assert.All(exchanges, e => Assert.Equal(TestPki.TransmitterCnpj, e.TransmitterCnpj));
        Assert.All(exchanges, e => Assert.Equal(200, e.HttpStatus));
        Assert.True(exchanges[1].Id > exchanges[0].Id);
    }

    [Fact]
    public async Task Clock_reports_the_simulator_time()
    {
        var clock = await simulator.GetAsync<ClockView>("/admin/clock");
        Assert.Equal(simulator.Time.GetUtcNow(), clock.Now);
        Assert.Equal(1, clock.Scale);
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var health = await simulator.GetAsync<HealthView>("/admin/health");
        Assert.Equal("ok", health.Status);
        Assert.Equal(2, health.Environment);
    }

    [Fact]
    public async Task Unknown_lot_is_not_found()
    {
        using var response = await simulator.Admin.GetAsync(new Uri("/admin/lots/351999999999999", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Admin_api_is_not_served_on_the_soap_endpoint()
    {
        using var client = SimulatorFixture.CreateClient(TestPki.Transmitter);
        using var response = await client.GetAsync(new Uri(simulator.SoapUri, "/admin/health"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
