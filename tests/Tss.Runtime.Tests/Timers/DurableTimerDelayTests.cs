using Tss.Runtime.Timers.Internal;

namespace Tss.Runtime.Tests.Timers;

public sealed class DurableTimerDelayTests
{
    [Theory]
    [InlineData(10.0, 1.0, 10)]
    [InlineData(10.2, 1.0, 11)] // rounded up: never surfaces before due
    [InlineData(15.0, 30.0, 1)] // 0.5 s real on a 30× clock
    [InlineData(3600.0, 60.0, 60)] // the one-hour MD-e block in a minute
    [InlineData(0.0, 1.0, 0)]
    [InlineData(-5.0, 1.0, 0)] // already due: visible at once
    public void Delay_is_the_real_time_wait_in_whole_seconds(double remainingSeconds, double scale, int expectedSeconds)
    {
        var delay = DurableTimerDelay.ToVisibility(TimeSpan.FromSeconds(remainingSeconds), scale);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(30.0, 1.0)]
    [InlineData(14.0, 1.5)]
    public void Delay_is_capped_at_seven_days(double remainingDays, double scale)
    {
        var delay = DurableTimerDelay.ToVisibility(TimeSpan.FromDays(remainingDays), scale);

        Assert.Equal(TimeSpan.FromDays(7), delay);
    }

    [Fact]
    public void A_plain_clock_has_scale_one()
    {
        Assert.Equal(1.0, DurableTimerDelay.ScaleOf(TimeProvider.System));
    }
}
