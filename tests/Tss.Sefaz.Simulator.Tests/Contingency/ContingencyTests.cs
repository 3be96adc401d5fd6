using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tss.Sefaz.Simulator.Admin;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Contingency;

/// <summary>Outages per UF, SVC-AN/SVC-RS and their rules, over real HTTPS on the simulator's fake clock.</summary>
public class ContingencyTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private static int _nNF = 7000;
    private readonly HttpClient _soap = SimulatorFixture.CreateClient(TestPki.Transmitter);

    public async ValueTask InitializeAsync() => await simulator.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _soap.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_down_authorizer_answers_108_to_status_and_503_to_sends_without_processing_them()
    {
        await TakeDownAsync("SP", new OutageSpec { cStat = 108 });
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));

        var status = await PostAsync("/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());
        var send = await PostAsync("/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(108, status.cStat);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, send.Status);
        Assert.Empty(await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations"));
    }

    [Fact]
    public async Task Another_uf_keeps_answering_while_sp_is_down()
    {
        await TakeDownAsync("SP", new OutageSpec { cStat = 109 });

        var status = await PostAsync("/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ(cUF: 43));

        Assert.Equal(107, status.cStat);
    }

    [Fact]
    public async Task Svc_an_authorizes_an_sp_nfe_with_tpEmis_6_while_sp_is_down_and_sp_answers_again_when_back()
    {
        await TakeDownAsync("SP", new OutageSpec());
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), tpEmis: 6);

        var svcStatus = await PostAsync("/SVC-AN/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());
        var sent = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        await BringBackAsync("SP");
        var spStatus = await PostAsync("/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());

        Assert.Equal(107, svcStatus.cStat);
        Assert.Equal(100, SoapReply.Stat(Assert.Single(sent.ProtNFe)));
        Assert.Equal(107, spStatus.cStat);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Svc_an_refuses_any_tpEmis_but_6(int tpEmis)
    {
        await TakeDownAsync("SP", new OutageSpec());
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), tpEmis: tpEmis);

        var sent = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(570, SoapReply.Stat(Assert.Single(sent.ProtNFe)));
    }

    [Fact]
    public async Task The_normal_authorizer_refuses_a_document_issued_for_the_svc()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), tpEmis: 6);

        var sent = await PostAsync("/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(570, SoapReply.Stat(Assert.Single(sent.ProtNFe)));
    }

    [Fact]
    public async Task Svc_answers_114_for_a_uf_it_was_not_activated_for_and_for_a_uf_it_does_not_serve()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), tpEmis: 6);

        var notActive = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));
        await TakeDownAsync("SP", new OutageSpec());
        var wrongSvc = await PostAsync("/SVC-RS/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());

        Assert.Equal(114, notActive.cStat);
        Assert.Empty(notActive.ProtNFe);
        Assert.Equal(114, wrongSvc.cStat);
    }

    [Fact]
    public async Task Svc_winds_down_with_113_after_the_uf_returns_then_answers_114()
    {
        await TakeDownAsync("SP", new OutageSpec());
        await BringBackAsync("SP");

        var windingDown = await PostAsync("/SVC-AN/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());
        simulator.Time.Advance(simulator.Options.SvcWindDown);
        var off = await PostAsync("/SVC-AN/NFeStatusServico4", "NFeStatusServico4", Payloads.ConsStatServ());

        Assert.Equal(113, windingDown.cStat);
        Assert.Equal(114, off.cStat);
    }

    [Fact]
    public async Task A_number_authorized_at_the_normal_authorizer_is_not_authorized_again_under_an_svc_key()
    {
        var nNF = Interlocked.Increment(ref _nNF);
        var normal = Payloads.SignedNfe(simulator.Time, nNF);
        var rekeyed = Payloads.SignedNfe(simulator.Time, nNF, tpEmis: 6);
        var first = await PostAsync("/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, normal));
        await TakeDownAsync("SP", new OutageSpec());

        var second = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, rekeyed));
        var again = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, rekeyed));

        Assert.Equal(100, SoapReply.Stat(Assert.Single(first.ProtNFe)));
        Assert.Equal(539, SoapReply.Stat(Assert.Single(second.ProtNFe)));
        Assert.Equal(539, SoapReply.Stat(Assert.Single(again.ProtNFe)));
        var authorized = await simulator.GetAsync<List<AuthorizationView>>("/admin/authorizations");
        Assert.Equal(Payloads.KeyOf(normal), Assert.Single(authorized).chNFe);
    }

    [Fact]
    public async Task A_contingency_document_without_dhCont_and_xJust_is_refused_with_557()
    {
        await TakeDownAsync("SP", new OutageSpec());
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF),
            edit: xml => System.Text.RegularExpressions.Regex.Replace(xml, "<dhCont>[^<]*</dhCont><xJust>[^<]*</xJust>", ""), tpEmis: 6);

        var sent = await PostAsync("/SVC-AN/NFeAutorizacao4", "NFeAutorizacao4", Payloads.EnviNFe(true, nfe));

        Assert.Equal(557, SoapReply.Stat(Assert.Single(sent.ProtNFe)));
    }

    [Fact]
    public async Task Svc_does_not_offer_inutilizacao()
    {
        await TakeDownAsync("SP", new OutageSpec());
        var inut = $"<inutNFe xmlns=\"{Payloads.Nfe}\" versao=\"4.00\"><infInut Id=\"x\"><cUF>35</cUF></infInut></inutNFe>";

        var reply = await PostAsync("/SVC-AN/NFeInutilizacao4", "NFeInutilizacao4", inut);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("svc.service_not_offered", reply.Body, StringComparison.Ordinal);
    }

    private async Task<SoapReply> PostAsync(string path, string service, string payload)
    {
        using var content = new StringContent(Payloads.Envelope(service, payload), Encoding.UTF8, "application/soap+xml");
        using var response = await _soap.PostAsync(new Uri(simulator.SoapUri, path), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new SoapReply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    private async Task TakeDownAsync(string uf, OutageSpec spec)
    {
        using var response = await simulator.Admin.PutAsJsonAsync(new Uri($"/admin/authorizers/{uf}/outage", UriKind.Relative), spec,
            AdminJson.Options, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task BringBackAsync(string uf)
    {
        using var response = await simulator.Admin.DeleteAsync(new Uri($"/admin/authorizers/{uf}/outage", UriKind.Relative),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
