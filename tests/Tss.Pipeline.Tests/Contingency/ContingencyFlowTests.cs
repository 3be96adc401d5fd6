using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Durable;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Tests.Integration;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Time;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;
using Tss.Testing.Hosting;
using Tss.Testing.Sefaz;

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
    private const string Cnpj = "11222333000181";
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private readonly AzuriteFixture _azurite = new();
    private readonly ScaledTimeProvider _time = new(DateTimeOffset.UtcNow, 30);
    private SimulatorHarness _sim = null!;
    private IHost _host = null!;
    private EntityInfo _entity = null!;
    private int _nNF;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            _sim = await SimulatorHarness.StartAsync(_time, Ct);
            _entity = new EntityInfo("tenant1", Cnpj, "SP", 2, "test");
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(TestSettings.WithSimulator(_azurite.ConnectionString, _azurite.UniqueName("c"), _sim)
                .With(new Dictionary<string, string?>
                {
                    ["Pipeline:GatheringWindow"] = "00:00:00.200",
                    ["Contingency:FailureThreshold"] = "2",
                    ["Contingency:FailureWindow"] = "00:10:00",
                    ["Contingency:ProbeInterval"] = "00:00:01",
                }));
            builder.Services.AddSingleton<TimeProvider>(_time);
            builder.Services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(_entity, _sim.Ca.IssueECnpj(Cnpj, "EMITENTE CONTINGENCIA LTDA")));
            builder.Services.AddTssPipeline(builder.Configuration);
            builder.Services.AddTssLotOrchestration();
            builder.Services.AddTssDurable(builder.Configuration);
            _host = builder.Build();
            var o = _host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var storage = _host.Services.GetRequiredService<StorageClients>();
            await storage.GetTable(o.DocumentsTable).CreateIfNotExistsAsync(Ct);
            await storage.GetTable(o.ErpIdsTable).CreateIfNotExistsAsync(Ct);
            await storage.GetQueue(o.DistributeQueue).CreateIfNotExistsAsync(cancellationToken: Ct);
            await storage.GetContainer(o.ProcContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
            await storage.GetContainer(o.SignedContainer).CreateIfNotExistsAsync(cancellationToken: Ct);
            await _host.StartAsync(Ct);
        }
        catch
        {
            await _azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _sim.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task An_sp_outage_sends_new_nfe_through_svc_an_and_authorizes_every_key_once()
    {
        var contingency = _host.Services.GetRequiredService<ContingencyService>();
        using var admin = new HttpClient { BaseAddress = _sim.AdminUri };
        var before = await SubmitAsync(5);

        (await admin.PutAsJsonAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), new { cStat = 109 }, Ct)).EnsureSuccessStatusCode();
        var stranded = await SubmitAsync(4); // stored before the switch: their sends to SP fail (503) and feed the policy
        await WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Contingency, "contingency entered");
        var viaSvc = await SubmitAsync(6);
        await WaitAsync(() => AuthorizedAsync(viaSvc), "SVC-AN documents authorized while SP is down");

        (await admin.DeleteAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        await WaitAsync(async () => (await contingency.GetAsync(Sp, Ct)).Mode == ContingencyMode.Normal, "back to normal");
        var after = await SubmitAsync(3);
        List<string> all = [.. before, .. stranded, .. viaSvc, .. after];
        await WaitAsync(() => AuthorizedAsync(all), "every document authorized");

        Assert.All(viaSvc, k => Assert.Equal('6', k[34]));
        Assert.All(before.Concat(stranded).Concat(after), k => Assert.Equal('1', k[34]));
        var authorizations = await admin.GetFromJsonAsync<List<AuthorizationView>>(new Uri("/admin/authorizations", UriKind.Relative), Ct);
        Assert.Equal(all.Order(), authorizations!.Select(a => a.chNFe).Order());
        Assert.All(authorizations!, a => Assert.Equal(1, a.TimesAuthorized));
        var decisions = await contingency.DecisionsAsync(Sp, 10, Ct);
        Assert.Equal([ContingencyMode.Normal, ContingencyMode.Contingency], decisions.Select(d => d.To));
        Assert.Equal("status_recovered", decisions[0].Trigger);
        Assert.StartsWith("SP em contingência SVC-AN desde ", decisions[1].Message, StringComparison.Ordinal);
    }

    private async Task<List<string>> SubmitAsync(int count)
    {
        var ingest = _host.Services.GetRequiredService<IngestService>();
        var items = Enumerable.Range(0, count)
            .Select(_ => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = Interlocked.Increment(ref _nNF), Items = 2 }, _time), null))
            .ToList();
        var results = await ingest.SubmitAsync(_entity, items, sync: false, Ct);
        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        return [.. results.Select(r => r.chNFe!)];
    }

    private async Task<bool> AuthorizedAsync(IReadOnlyList<string> keys)
    {
        var o = _host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var table = _host.Services.GetRequiredService<StorageClients>().GetTable(o.DocumentsTable);
        foreach (var key in keys)
        {
            var doc = await table.GetEntityIfExistsAsync<DocumentRecord>(DocumentRecord.PartitionFor(_entity.TenantId, AccessKey.Parse(key)), key, cancellationToken: Ct);
            if (!doc.HasValue || doc.Value!.Status != nameof(DocumentStatus.Authorized))
            {
                return false;
            }
        }
        return true;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + what);
            await Task.Delay(500, Ct);
        }
    }

    private sealed record AuthorizationView(string chNFe, int TimesAuthorized);
}
