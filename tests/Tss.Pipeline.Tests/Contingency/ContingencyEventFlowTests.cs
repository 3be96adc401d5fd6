using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tss.Contracts.Documents;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Events;
using Tss.Pipeline.Tests.Integration;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>
/// Events on NF-e authorized at SVC-AN (tpEmis 6) through the real events pipeline (events listener, event batch
/// orchestrations on Durable, Azurite, the simulator over HTTPS, clock ×30): while SP is in contingency a cancellation
/// goes to SVC-AN and SVC-AN registers it; a CC-e (which the SVC does not offer) waits for SP and SP registers it once it
/// is back; after SP returns a cancellation of another SVC key goes to SP. Who registered each event is read from the
/// simulator's own base.
/// </summary>
public sealed class ContingencyEventFlowTests : IAsyncLifetime
{
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private PipelineHostHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _h = await PipelineHostHarness.StartAsync("EMITENTE EVENTOS SVC LTDA", new Dictionary<string, string?>
        {
            ["Contingency:FailureThreshold"] = "2",
            ["Contingency:FailureWindow"] = "00:10:00",
            ["Contingency:ProbeInterval"] = "00:00:01",
        }, events: true, Ct);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Events_on_svc_keys_go_to_svc_an_while_sp_is_down_and_to_sp_after_it_returns()
    {
        var contingency = _h.Services.GetRequiredService<ContingencyService>();
        var events = _h.Services.GetRequiredService<EventRequestService>();
        using var admin = new HttpClient { BaseAddress = _h.Simulator.AdminUri };
        (await admin.PutAsJsonAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), new { cStat = 109 }, Ct)).EnsureSuccessStatusCode();
        // Two lots whose sends to SP fail (503): two transport failures put SP in contingency.
        var stranded = await _h.SubmitAsync(1, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        stranded.AddRange(await _h.SubmitAsync(1, Ct));
        await PipelineHostHarness.WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Contingency, "contingency entered", Ct);
        var keys = await _h.SubmitAsync(3, Ct);
        Assert.All(keys, k => Assert.Equal('6', k[34]));
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync(keys, Ct), "SVC-AN documents authorized while SP is down", Ct);

        await events.CancelAsync(_h.Entity, keys[0], "Cancelamento durante a contingencia SVC-AN", Ct);
        await events.CorrectAsync(_h.Entity, keys[1], "Corrige o volume transportado para 3 caixas", Ct);
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync([keys[0]], Ct, DocumentStatus.Cancelled), "cancellation registered at SVC-AN", Ct);
        Assert.Equal(["SVC-AN"], (await EventsAsync(admin, keys[0])).Select(e => e.Authorizer));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // the CC-e's batch keeps retrying at SP (503) meanwhile
        Assert.Empty(await EventsAsync(admin, keys[1]));

        (await admin.DeleteAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        await PipelineHostHarness.WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Normal, "back to normal", Ct);
        await PipelineHostHarness.WaitAsync(async () => (await EventsAsync(admin, keys[1])).Count == 1, "CC-e registered at SP", Ct);
        Assert.Equal([("110110", "SP")], (await EventsAsync(admin, keys[1])).Select(e => (e.tpEvento, e.Authorizer)));

        await events.CancelAsync(_h.Entity, keys[2], "Cancelamento depois do retorno da SEFAZ SP", Ct);
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync([keys[2]], Ct, DocumentStatus.Cancelled), "cancellation registered at SP", Ct);
        Assert.Equal(["SP"], (await EventsAsync(admin, keys[2])).Select(e => e.Authorizer));
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync(stranded, Ct), "documents stored before the switch authorized by SP", Ct);
        Assert.All(await _h.AuthorizationsAsync(Ct), a => Assert.Equal(1, a.TimesAuthorized));
    }

    private static async Task<List<SimulatorEvent>> EventsAsync(HttpClient admin, string chNFe) =>
        (await admin.GetFromJsonAsync<List<SimulatorEvent>>(new Uri("/admin/events/" + chNFe, UriKind.Relative), Ct))!;

    private sealed record SimulatorEvent(string chNFe, string tpEvento, int nSeqEvento, string Authorizer);
}
