using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Pipeline.Contingency;
using Tss.Sefaz.Client;
using Tss.Testing.Azurite;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>The shared contingency state on real Azurite: one row per authorizer for every instance, ETag CAS, the decision log.</summary>
public sealed class ContingencyServiceTests : IAsyncLifetime
{
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private readonly AzuriteFixture _azurite = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 17, 2, 0, TimeSpan.Zero));
    private ContingencyOptions _options = null!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _options = new ContingencyOptions { StateTable = _azurite.UniqueName("cs"), DecisionsTable = _azurite.UniqueName("cd") };
    }

    public ValueTask DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Failures_reported_by_two_instances_add_up_to_one_switch_with_one_decision_logged()
    {
        var one = Instance();
        var two = Instance();

        var decisions = new List<ContingencyDecision?>();
        for (var i = 0; i < 5; i++)
        {
            var instance = i % 2 == 0 ? one : two;
            decisions.Add(await instance.ReportAsync(Sp, Signal(ContingencySignalKind.TransportFailure), "t1", "11111111000191", Ct));
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Single(decisions, d => d is not null);
        var view = await two.GetAsync(Sp, Ct);
        Assert.Equal(ContingencyMode.Contingency, view.Mode);
        Assert.Equal("SVC-AN", view.Via);
        var log = await one.DecisionsAsync(Sp, 10, Ct);
        var decision = Assert.Single(log);
        Assert.Equal("transport_failures", decision.Trigger);
        Assert.Equal(5, decision.Signals.Count);
    }

    [Fact]
    public async Task Concurrent_reports_are_all_counted_through_compare_and_swap()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Instance()).ToList();
        _options.FailureThreshold = 100;

        await Task.WhenAll(instances.Select(i => i.ReportAsync(Sp, Signal(ContingencySignalKind.Timeout), "t1", "11111111000191", Ct)));

        Assert.Equal(4, (await instances[0].GetAsync(Sp, Ct)).RecentFailures);
    }

    [Fact]
    public async Task The_decision_log_tells_the_story_of_an_outage_newest_first()
    {
        var service = Instance();
        await service.ReportAsync(Sp, Signal(ContingencySignalKind.StatusParalysed, "108"), "t1", "11111111000191", Ct);
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(3));
            await service.ReportAsync(Sp, Signal(ContingencySignalKind.StatusInOperation, "107"), "t1", "11111111000191", Ct);
        }

        var log = await service.DecisionsAsync(Sp, 10, Ct);

        Assert.Equal(["status_recovered", "status_paralysis"], log.Select(d => d.Trigger));
        Assert.Equal("SP em contingência SVC-AN desde 14:02 — consulta de status respondeu 108 (serviço paralisado)", log[1].Message);
        Assert.Equal(ContingencyMode.Normal, (await service.GetAsync(Sp, Ct)).Mode);
    }

    [Fact]
    public async Task An_entity_override_wins_over_the_authorizer_and_a_disallowed_uf_is_always_normal()
    {
        var service = Instance();
        await service.ImposeAsync(Sp, OperatorOverride.Force, "ops", Ct);
        await service.ImposeOnEntityAsync("t1", "22222222000191", OperatorOverride.Forbid, Ct);
        _options.DisallowedUfs.Add("RJ");
        await service.ImposeAsync(new AuthorizerKey("RJ", 55, 2), OperatorOverride.Force, "ops", Ct);

        Assert.Equal(ContingencyMode.Contingency, await service.ModeForAsync(Sp, "t1", "11111111000191", Ct));
        Assert.Equal(ContingencyMode.Normal, await service.ModeForAsync(Sp, "t1", "22222222000191", Ct));
        Assert.Equal(ContingencyMode.Normal, await service.ModeForAsync(new AuthorizerKey("RJ", 55, 2), "t1", "11111111000191", Ct));
    }

    [Fact]
    public async Task Answers_while_normal_cost_no_storage_write()
    {
        var service = Instance();
        await service.ReportAsync(Sp, Signal(ContingencySignalKind.Answered, "103"), "t1", "11111111000191", Ct);
        var table = new TableServiceClient(_azurite.ConnectionString).GetTableClient(_options.StateTable);
        var first = (await table.GetEntityAsync<TableEntity>("authorizer", Sp.RowKey, cancellationToken: Ct)).Value.ETag;

        for (var i = 0; i < 20; i++)
        {
            await service.ReportAsync(Sp, Signal(ContingencySignalKind.Answered, "103"), "t1", "11111111000191", Ct);
        }

        Assert.Equal(first, (await table.GetEntityAsync<TableEntity>("authorizer", Sp.RowKey, cancellationToken: Ct)).Value.ETag);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ContingencySignal Signal(ContingencySignalKind kind, string? detail = null) => new(kind, _clock.GetUtcNow(), detail);

    private ContingencyService Instance() => new(new TableServiceClient(_azurite.ConnectionString),
        new SefazEndpoints(Options.Create(new SefazClientOptions())), Options.Create(_options), _clock,
        NullLogger<ContingencyService>.Instance);
}
