using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client.Status;

namespace Tss.Sefaz.Client.Tests;

/// <summary>"No authorizer is asked NFeStatusServico4 more than once every 3 minutes however many callers ask."</summary>
public sealed class StatusServiceCacheTests
{
    private static readonly StatusKey Sp = new("SP", 55, 2);
    private static readonly StatusKey Svrs = new("SVRS", 55, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStatusCacheStore _store = new();
    private int _asks;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_concurrent_callers_cause_one_ask()
    {
        var cache = Cache();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 200).Select(_ => Task.Run(() => cache.GetAsync(Sp, Blocking(release), Ct), Ct)).ToList();
        await WaitUntil(() => _asks == 1);
        release.SetResult();
        var readings = await Task.WhenAll(callers);

        Assert.Equal(1, _asks);
        Assert.All(readings, r => Assert.Equal(107, r.Answer!.cStat));
        Assert.Equal(readings[0].Answer, readings[^1].Answer);
        Assert.All(readings, r => Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(3), r.NextAskAt));
    }

    [Fact]
    public async Task Answer_is_reused_until_three_minutes_after_the_ask_then_asked_again()
    {
        var cache = Cache();

        var first = await cache.GetAsync(Sp, Ask, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        var cached = await cache.GetAsync(Sp, Ask, Ct);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await cache.GetAsync(Sp, Ask, Ct);

        Assert.Equal((true, false, true), (first.Asked, cached.Asked, renewed.Asked));
        Assert.Same(first.Answer, cached.Answer);
        Assert.Equal(2, _asks);
    }

    [Fact]
    public async Task Authorizers_are_counted_separately()
    {
        var cache = Cache();

        await cache.GetAsync(Sp, Ask, Ct);
        await cache.GetAsync(Svrs, Ask, Ct);
        await cache.GetAsync(Sp, Ask, Ct);

        Assert.Equal(2, _asks);
    }

    [Fact]
    public async Task A_failed_ask_still_counts_and_later_callers_get_the_last_known_answer()
    {
        var cache = Cache();
        await cache.GetAsync(Sp, Ask, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3));

        await Assert.ThrowsAsync<SefazException>(() => cache.GetAsync(Sp, _ =>
        {
            _asks++;
            throw new SefazException(SefazErrorCode.Timeout, "no answer");
        }, Ct));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var after = await cache.GetAsync(Sp, Ask, Ct);

        Assert.Equal(2, _asks);
        Assert.False(after.Asked);
        Assert.Equal(107, after.Answer!.cStat);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromMinutes(4), after.AnsweredAt);
    }

    [Fact]
    public async Task Two_instances_sharing_the_store_ask_once_and_the_second_waits_for_the_pending_answer()
    {
        var instanceA = Cache();
        var instanceB = Cache();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var a = instanceA.GetAsync(Sp, Blocking(release), Ct);
        await WaitUntil(() => _asks == 1);
        var b = instanceB.GetAsync(Sp, Ask, Ct);
        await Task.Delay(50, Ct);
        Assert.False(b.IsCompleted, "B answered without waiting for A's pending ask.");
        release.SetResult();
        await a;
        // B polls the shared record on the fake clock.
        while (!b.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, Ct);
        }

        var readingB = await b;
        Assert.Equal(1, _asks);
        Assert.False(readingB.Asked);
        Assert.Equal(107, readingB.Answer!.cStat);
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_crashed_instance_blocks_asks_only_until_its_interval_ends()
    {
        await _store.TryClaimAsync(Sp, null, _clock.GetUtcNow(), Ct);
        var cache = Cache(pendingWait: TimeSpan.Zero);

        var during = await cache.GetAsync(Sp, Ask, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var after = await cache.GetAsync(Sp, Ask, Ct);

        Assert.Equal((false, (RetConsStatServ?)null), (during.Asked, during.Answer));
        Assert.True(after.Asked);
        Assert.Equal(1, _asks);
    }

    [Fact]
    public void Options_refuse_an_interval_shorter_than_three_minutes()
    {
        var options = new StatusServiceCacheOptions { Interval = TimeSpan.FromMinutes(2) };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(StatusServiceCacheOptions.Interval)));
    }

    private StatusServiceCache Cache(TimeSpan? pendingWait = null) =>
        new(_store, Options.Create(new StatusServiceCacheOptions { PendingWait = pendingWait ?? TimeSpan.FromSeconds(30) }), _clock);

    private Task<RetConsStatServ> Ask(CancellationToken ct)
    {
        Interlocked.Increment(ref _asks);
        return Task.FromResult(Answer());
    }

    private Func<CancellationToken, Task<RetConsStatServ>> Blocking(TaskCompletionSource release) => async _ =>
    {
        Interlocked.Increment(ref _asks);
        await release.Task;
        return Answer();
    };

    private RetConsStatServ Answer() => new(2, "SP_NFE_PL009_V4", 107, "Serviço em Operação", 35, _clock.GetUtcNow(), 1, null, null);

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.True(condition(), "The condition was not reached within 5 s.");
    }
}
