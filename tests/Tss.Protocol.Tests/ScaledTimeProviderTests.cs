using Microsoft.Extensions.Time.Testing;
using Tss.Protocol.Time;

namespace Tss.Protocol.Tests;

public class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Origin = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_runs_scale_times_faster_from_the_origin()
    {
        var real = new FakeTimeProvider(Origin);
        var scaled = new ScaledTimeProvider(Origin, 60, real);

        Assert.Equal(Origin, scaled.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Origin.AddMinutes(1), scaled.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Origin.AddHours(1), scaled.GetUtcNow());
    }

    [Fact]
    public void Two_clocks_with_the_same_origin_and_scale_agree()
    {
        var real = new FakeTimeProvider(Origin.AddMinutes(10));
        var first = new ScaledTimeProvider(Origin, 100, real);
        real.Advance(TimeSpan.FromSeconds(3));
        var second = new ScaledTimeProvider(Origin, 100, real);

        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        Assert.Equal(Origin.AddSeconds(603 * 100), second.GetUtcNow());
    }

    [Fact]
    public void Scale_one_is_real_time()
    {
        var real = new FakeTimeProvider(Origin.AddDays(2));
        Assert.Equal(real.GetUtcNow(), new ScaledTimeProvider(Origin, 1, real).GetUtcNow());
    }

    [Fact]
    public async Task Delay_is_shortened_by_the_scale()
    {
        var real = new FakeTimeProvider(Origin);
        var scaled = new ScaledTimeProvider(Origin, 60, real);

        var delay = Task.Delay(TimeSpan.FromMinutes(1), scaled, TestContext.Current.CancellationToken);
        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromMilliseconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Elapsed_time_is_scaled()
    {
        var real = new FakeTimeProvider(Origin);
        var scaled = new ScaledTimeProvider(Origin, 240, real);

        var start = scaled.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(TimeSpan.FromHours(1), scaled.GetElapsedTime(start));
        Assert.Equal(real.TimestampFrequency, scaled.TimestampFrequency);
    }

    [Fact]
    public void Periodic_timer_fires_at_the_scaled_period()
    {
        var real = new FakeTimeProvider(Origin);
        var scaled = new ScaledTimeProvider(Origin, 10, real);
        var ticks = 0;

        using var timer = scaled.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, ticks);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, ticks);
        real.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4, ticks);
    }

    [Fact]
    public void Change_is_scaled_and_infinite_stays_infinite()
    {
        var real = new FakeTimeProvider(Origin);
        var scaled = new ScaledTimeProvider(Origin, 30, real);
        var ticks = 0;

        using var timer = scaled.CreateTimer(_ => Interlocked.Increment(ref ticks), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, ticks);

        Assert.True(timer.Change(TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan));
        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, ticks);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, ticks);
        real.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, ticks);
    }

    [Fact]
    public void Tiny_positive_period_never_becomes_zero()
    {
        var scaled = new ScaledTimeProvider(Origin, 1_000_000, new FakeTimeProvider(Origin));

        Assert.Equal(TimeSpan.FromTicks(1), scaled.ToInner(TimeSpan.FromTicks(5)));
        Assert.Equal(TimeSpan.Zero, scaled.ToInner(TimeSpan.Zero));
        Assert.Equal(Timeout.InfiniteTimeSpan, scaled.ToInner(Timeout.InfiniteTimeSpan));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scale_must_be_positive_and_finite(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(Origin, scale));
    }

    [Fact]
    public void Configuration_without_scaling_means_the_real_clock()
    {
        Assert.Null(ScaledTimeProvider.FromConfiguration(null, 1));
        Assert.Null(ScaledTimeProvider.FromConfiguration("2026-03-14T12:00:00Z", 1));
    }

    [Fact]
    public void Configuration_with_scaling_needs_a_valid_origin()
    {
        var real = new FakeTimeProvider(Origin.AddSeconds(2));

        var clock = ScaledTimeProvider.FromConfiguration("2026-03-14T09:00:00-03:00", 30, real)!;

        Assert.Equal(Origin, clock.Origin);
        Assert.Equal(30, clock.Scale);
        Assert.Equal(Origin.AddMinutes(1), clock.GetUtcNow());
        Assert.Throws<ArgumentException>(() => ScaledTimeProvider.FromConfiguration(null, 30));
        Assert.Throws<ArgumentException>(() => ScaledTimeProvider.FromConfiguration("yesterday", 30));
    }
}
