using Microsoft.Extensions.Options;
using Tss.Sefaz.Client;
using Tss.Sefaz.Client.Status;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Tests.Http;

namespace Tss.Sefaz.Simulator.Tests.Contract;

/// <summary>
/// The shared status cache with the real client in front of the simulator: however many callers ask, the simulator's
/// exchange log shows one NFeStatusServico4 per authorizer per 3 minutes of the (shared, fake) clock.
/// </summary>
public sealed class StatusCacheContractTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private SefazClient _client = null!;
    private SefazEndpoints _endpoints = null!;
    private string _anchor = null!;

    public async ValueTask InitializeAsync()
    {
        await simulator.ResetAsync();
        _anchor = Path.Combine(Path.GetTempPath(), $"tss-status-ca-{Guid.NewGuid():N}.crt");
        TestPki.Ca.ExportCaPem(_anchor);
        var options = Options.Create(new SefazClientOptions { BaseUrlOverride = simulator.SoapUri, TrustAnchorPath = _anchor });
        _endpoints = new SefazEndpoints(options);
        _client = new SefazClient(_endpoints, options);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        File.Delete(_anchor);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Fifty_callers_on_two_instances_reach_the_authorizer_once_per_three_minutes()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryStatusCacheStore();
        var cacheOptions = Options.Create(new StatusServiceCacheOptions { PollInterval = TimeSpan.FromMilliseconds(10) });
        StatusServiceCache Instance() => new(store, cacheOptions, simulator.Time, _client, _endpoints);
        var instances = new[] { Instance(), Instance() };
        // SP and SVRS: two authorizers; RJ and SC share SVRS.
        SefazTarget[] targets = [new("SP", 55, 2), new("RJ", 55, 2), new("SC", 55, 2)];

        // An instance waiting for the other's pending ask polls on the fake clock, so the clock ticks (10 ms at a time,
        // far from the 3-minute boundary) while a burst runs.
        async Task<StatusReading[]> Burst()
        {
            var burst = Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                Task.Run(() => instances[i % 2].GetAsync(targets[i % 3], TestPki.Transmitter, ct), ct)));
            while (!burst.IsCompleted)
            {
                simulator.Time.Advance(TimeSpan.FromMilliseconds(10));
                await Task.Delay(5, ct);
            }
            return await burst;
        }

        var first = await Burst();
        simulator.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await Burst();
        simulator.Time.Advance(TimeSpan.FromMinutes(1));
        var third = await Burst();

        var exchanges = await simulator.GetAsync<List<ExchangeRecord>>("/admin/exchanges");
        Assert.Equal(4, exchanges.Count(e => e.Service == "NFeStatusServico4"));
        Assert.All(first.Concat(second).Concat(third), r => Assert.Equal(107, r.Answer!.cStat));
        Assert.All(second, r => Assert.False(r.Asked));
    }
}
