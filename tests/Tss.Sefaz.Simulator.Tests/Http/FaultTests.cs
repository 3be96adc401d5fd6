using System.Net;
using System.Net.Http.Json;
using Tss.Sefaz.Simulator.Admin;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.Tests.Http;

public class FaultTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static int _nNF = 5000;

    public async ValueTask InitializeAsync() => await simulator.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Http_error_before_processing_leaves_no_trace_of_the_lot()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.HttpError, StatusCode = 503, Body = "indisponível", Count = 1 });
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));

        var reply = await simulator.PostAsync(Payloads.Envelope("NFeAutorizacao4", Payloads.EnviNFe(true, nfe)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("indisponível", reply.Body);
        Assert.Empty(await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations"));
        Assert.Empty(await simulator.GetAsync<List<FaultSpec>>("/admin/faults"));
    }

    [Fact]
    public async Task Http_error_after_processing_hides_an_authorization_that_happened()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.HttpError, Phase = FaultPhase.After, StatusCode = 502, Count = 1 });
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));

        var reply = await simulator.PostAsync(Payloads.Envelope("NFeAutorizacao4", Payloads.EnviNFe(true, nfe)));

        Assert.Equal(HttpStatusCode.BadGateway, reply.Status);
        var consult = await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(Payloads.KeyOf(nfe)));
        Assert.Equal(100, consult.cStat);
    }

    [Fact]
    public async Task Timeout_after_processing_holds_the_request_then_drops_the_connection()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Timeout, Phase = FaultPhase.After, TimeoutSeconds = 30, Count = 1, Service = "enviNFe" });
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));

        var call = simulator.PostAsync(Payloads.Envelope("NFeAutorizacao4", Payloads.EnviNFe(true, nfe)));
        for (var i = 0; i < 400 && !call.IsCompleted; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            simulator.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => call);
        var authorizations = await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations");
        Assert.Contains(authorizations, a => a.chNFe == Payloads.KeyOf(nfe));
        var exchanges = await simulator.GetAsync<List<ExchangeRecord>>("/admin/exchanges");
        var exchange = Assert.Single(exchanges, e => e.chNFe.Contains(Payloads.KeyOf(nfe)));
        Assert.Equal(0, exchange.HttpStatus);
        Assert.Contains("Timeout", exchange.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_is_on_record_before_its_answer_goes_out()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Latency, Phase = FaultPhase.After, LatencyMs = 60_000, Count = 1, Service = "enviNFe" });
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));

        // SEFAZ processed the lot and holds the answer: the log already shows the request, as a caller that dies now left it.
        var call = simulator.PostAsync(Payloads.Envelope("NFeAutorizacao4", Payloads.EnviNFe(true, nfe)));
        ExchangeRecord? logged = null;
        for (var i = 0; i < 400 && logged is null; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            logged = (await simulator.GetAsync<List<ExchangeRecord>>("/admin/exchanges")).SingleOrDefault(e => e.chNFe.Contains(Payloads.KeyOf(nfe)));
        }
        Assert.NotNull(logged);
        Assert.False(call.IsCompleted);
        Assert.Equal([104, 100], logged.cStat);

        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            simulator.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        var reply = await call;

        // Answered now: the same record, completed with the fault applied (not a second record).
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var answered = Assert.Single(await simulator.GetAsync<List<ExchangeRecord>>("/admin/exchanges"), e => e.chNFe.Contains(Payloads.KeyOf(nfe)));
        Assert.Equal(logged.Id, answered.Id);
        Assert.Contains("Latency/After", answered.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_answers_are_truncated_xml_or_an_html_page()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Malformed, Malformed = "truncated", Count = 1 });
        var truncated = await simulator.PostAsync(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ()));
        Assert.StartsWith("<soap:Envelope", truncated.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("</soap:Envelope>", truncated.Body, StringComparison.Ordinal);

        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Malformed, Malformed = "html", Count = 1 });
        var html = await simulator.PostAsync(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ()));
        Assert.StartsWith("<html>", html.Body, StringComparison.Ordinal);
        Assert.StartsWith("text/html", html.ContentType, StringComparison.Ordinal);

        Assert.Equal(107, (await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ())).cStat);
    }

    [Fact]
    public async Task Paralysis_window_answers_108_for_status_and_lots_until_cleared()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Paralysis, cStat = 108 });

        Assert.Equal(108, (await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ())).cStat);
        var lot = await simulator.CallAsync("NFeAutorizacao4",
            Payloads.EnviNFe(true, Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF))));
        Assert.Equal(108, lot.cStat);
        Assert.Equal(108, (await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ())).cStat);

        using var cleared = await simulator.Admin.DeleteAsync(new Uri("/admin/faults", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(107, (await simulator.CallAsync("NFeStatusServico4", Payloads.ConsStatServ())).cStat);
    }

    [Fact]
    public async Task Forced_rejection_through_the_admin_api_overrides_the_next_document()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Rejection, cStat = 301, Count = 1 });
        var reply = await simulator.CallAsync("NFeAutorizacao4",
            Payloads.EnviNFe(true, Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF))));
        Assert.Equal(301, SoapReply.Stat(Assert.Single(reply.ProtNFe)));

        var next = await simulator.CallAsync("NFeAutorizacao4",
            Payloads.EnviNFe(true, Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF))));
        Assert.Equal(100, SoapReply.Stat(Assert.Single(next.ProtNFe)));
    }

    [Fact]
    public async Task Latency_before_processing_delays_the_answer_on_the_simulator_clock()
    {
        await AddFaultAsync(new FaultSpec { Kind = FaultKind.Latency, LatencyMs = 5000, Count = 1 });
        var call = simulator.PostAsync(Payloads.Envelope("NFeStatusServico4", Payloads.ConsStatServ()));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(call.IsCompleted);

        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            simulator.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        var reply = await call;
        SimulatorFixture.AssertValidAnswer(reply);
        Assert.Equal(107, reply.cStat);
    }

    [Fact]
    public async Task Meaningless_fault_is_refused_with_a_problem()
    {
        using var response = await simulator.Admin.PostAsJsonAsync(new Uri("/admin/faults", UriKind.Relative),
            new FaultSpec { Kind = FaultKind.Paralysis, cStat = 100 }, AdminJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fault.invalid", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task AddFaultAsync(FaultSpec fault)
    {
        using var response = await simulator.Admin.PostAsJsonAsync(new Uri("/admin/faults", UriKind.Relative), fault,
            AdminJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
