using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Entities;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Tests.Integration;
using Tss.Protocol.AccessKeys;
using Tss.Sefaz.Client;
using Tss.Sefaz.Client.Status;
using Tss.Testing.Azurite;
using Tss.Testing.Sefaz;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>
/// An SP outage on the simulator, over real HTTPS, with the policy's state on real Azurite: the calls that fail at
/// transport switch SP to contingency, the status probe brings it back after three 107s, and the decision log tells it.
/// </summary>
public sealed class ContingencyOutageTests : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private readonly AzuriteFixture _azurite = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SimulatorHarness _sim = null!;
    private ServiceProvider _services = null!;
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _cert = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _sim = await SimulatorHarness.StartAsync(_time, Ct);
        _cert = _sim.Ca.IssueECnpj(Cnpj, "EMITENTE CONTINGENCIA LTDA");
        var sefaz = Options.Create(new SefazClientOptions { BaseUrlOverride = _sim.SoapUri, TrustAnchorPath = _sim.AnchorPath });
        var endpoints = new SefazEndpoints(sefaz);
        var client = new SefazClient(endpoints, sefaz);
        var options = Options.Create(new ContingencyOptions
        {
            StateTable = _azurite.UniqueName("cs"),
            DecisionsTable = _azurite.UniqueName("cd"),
            EnterOnParalysis = true,
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(endpoints);
        services.AddSingleton(client);
        services.AddSingleton(options);
        services.AddSingleton(new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString));
        services.AddSingleton<IEntityDirectory>(new FixedEntityDirectory(new EntityInfo("tenant1", Cnpj, "SP", 2, "test"), _cert));
        services.AddSingleton(new StatusServiceCache(new InMemoryStatusCacheStore(),
            Options.Create(new StatusServiceCacheOptions { Interval = TimeSpan.FromMinutes(1) }), _time, client, endpoints));
        services.AddSingleton<ContingencyService>().AddSingleton<ContingencyReporter>().AddSingleton<ContingencyProbe>();
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
        await _azurite.DisposeAsync();
        _cert.Dispose();
    }

    [Fact]
    public async Task An_sp_outage_switches_to_contingency_on_transport_failures_and_back_after_three_107s()
    {
        var client = _services.GetRequiredService<SefazClient>();
        var reporter = _services.GetRequiredService<ContingencyReporter>();
        var contingency = _services.GetRequiredService<ContingencyService>();
        var probe = _services.GetRequiredService<ContingencyProbe>();
        using var admin = new HttpClient { BaseAddress = _sim.AdminUri };
        (await admin.PutAsJsonAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), new { cStat = 109 }, Ct)).EnsureSuccessStatusCode();

        // What the lot activities do: each consultation of an SP key fails at transport (HTTP 503) and is reported.
        var key = AccessKey.Build(new AccessKeyParts(35, 26, 12, Cnpj, 55, 1, 4242, 1, 12345670)).Value;
        for (var i = 0; i < 5; i++)
        {
            var failure = await Assert.ThrowsAsync<SefazException>(() => client.ConsultarProtocoloAsync(new SefazTarget("SP", 55, 2), _cert, key, Ct));
            await reporter.FailedAsync(Sp, failure.Code, "tenant1", Cnpj, Ct);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ContingencyMode.Contingency, (await contingency.GetAsync(Sp, Ct)).Mode);
        await probe.ProbeOnceAsync(Ct); // 109: still down
        (await admin.DeleteAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(ContingencyMode.Contingency, (await contingency.GetAsync(Sp, Ct)).Mode);
            await probe.ProbeOnceAsync(Ct);
        }

        Assert.Equal(ContingencyMode.Normal, (await contingency.GetAsync(Sp, Ct)).Mode);
        var log = await contingency.DecisionsAsync(Sp, 10, Ct);
        Assert.Equal(["status_recovered", "transport_failures"], log.Select(d => d.Trigger));
        Assert.All(log[1].Signals, s => Assert.StartsWith("failure@", s, StringComparison.Ordinal));
        Assert.Contains("5 falhas de conexão", log[1].Message, StringComparison.Ordinal);
        Assert.Contains("retorno após 3 consultas 107", log[0].Message, StringComparison.Ordinal);
    }
}
