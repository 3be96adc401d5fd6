using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Tests.Integration;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>
/// An SP outage through the whole pipeline (assemble listener, lot orchestrations on Durable, contingency probe) on
/// Azurite and the simulator sharing one clock scaled 30×: SP goes down mid-run → the lots' failed sends enter
/// contingency → new NF-e are re-keyed to tpEmis 6 and authorized at SVC-AN; the documents stored before the switch keep
/// their key and are authorized by SP once it returns; three 107s → normal, new NF-e carry tpEmis 1 again; no key is
/// authorized twice anywhere and the decision log tells the story.
/// </summary>
public sealed class ContingencyFlowTests : IAsyncLifetime
{
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private PipelineHostHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _h = await PipelineHostHarness.StartAsync("EMITENTE CONTINGENCIA LTDA", new Dictionary<string, string?>
        {
            ["Contingency:FailureThreshold"] = "2",
            ["Contingency:FailureWindow"] = "01:00:00", // 2 min of real time at ×30: a loaded CI machine spaces the failed sends widely
            ["Contingency:ProbeInterval"] = "00:00:01",
        }, events: false, Ct);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_sp_outage_sends_new_nfe_through_svc_an_and_authorizes_every_key_once()
    {
        var contingency = _h.Services.GetRequiredService<ContingencyService>();
        using var admin = new HttpClient { BaseAddress = _h.Simulator.AdminUri };
        var before = await _h.SubmitAsync(5, Ct);

        (await admin.PutAsJsonAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), new { cStat = 109 }, Ct)).EnsureSuccessStatusCode();
        var stranded = await _h.SubmitAsync(4, Ct); // stored before the switch: their sends to SP fail (503) and feed the policy
        await PipelineHostHarness.WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Contingency, "contingency entered", Ct);
        var viaSvc = await _h.SubmitAsync(6, Ct);
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync(viaSvc, Ct), "SVC-AN documents authorized while SP is down", Ct);

        (await admin.DeleteAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        await PipelineHostHarness.WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Normal, "back to normal", Ct);
        var after = await _h.SubmitAsync(3, Ct);
        List<string> all = [.. before, .. stranded, .. viaSvc, .. after];
        await PipelineHostHarness.WaitAsync(() => _h.AllAsync(all, Ct), "every document authorized", Ct);

        Assert.All(viaSvc, k => Assert.Equal('6', k[34]));
        Assert.All(before.Concat(stranded).Concat(after), k => Assert.Equal('1', k[34]));
        var authorizations = await _h.AuthorizationsAsync(Ct);
        Assert.Equal(all.Order(), authorizations.Select(a => a.chNFe).Order());
        Assert.All(authorizations, a => Assert.Equal(1, a.TimesAuthorized));
        var decisions = await contingency.DecisionsAsync(Sp, 10, Ct);
        Assert.Equal([ContingencyMode.Normal, ContingencyMode.Contingency], decisions.Select(d => d.To));
        Assert.Equal("status_recovered", decisions[0].Trigger);
        Assert.StartsWith("SP em contingência SVC-AN desde ", decisions[1].Message, StringComparison.Ordinal);
    }
}
