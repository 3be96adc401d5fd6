using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Tests.Distribution;

public class RetryPlanTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<TimeSpan> Schedule = DistributionOptions.DefaultRetrySchedule;

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 120)]
    [InlineData(3, 600)]
    [InlineData(4, 3600)]
    [InlineData(5, 21600)]
    public void Failed_attempt_is_retried_after_the_scheduled_wait(int attempt, int seconds) =>
        Assert.Equal((DeliveryState.Retrying, T.AddSeconds(seconds)), RetryPlan.After(attempt, AttemptResult.Transient(503, "http_503", 5), T, Schedule));

    [Fact]
    public void Sixth_failure_gives_up() =>
        Assert.Equal((DeliveryState.GivenUp, null), RetryPlan.After(6, AttemptResult.Transient(null, "timeout", 5), T, Schedule));

    [Fact]
    public void Permanent_failure_gives_up_at_once() =>
        Assert.Equal((DeliveryState.GivenUp, null), RetryPlan.After(1, AttemptResult.Fatal(null, "address_blocked", 0), T, Schedule));

    [Fact]
    public void Success_ends_the_delivery() =>
        Assert.Equal((DeliveryState.Succeeded, null), RetryPlan.After(3, AttemptResult.Ok(200, 5), T, Schedule));

    [Fact]
    public void Configured_schedule_replaces_the_default()
    {
        var options = new DistributionOptions { RetrySchedule = [TimeSpan.FromSeconds(5)] };

        Assert.Equal([TimeSpan.FromSeconds(5)], options.EffectiveRetrySchedule);
        Assert.Equal(5, new DistributionOptions().EffectiveRetrySchedule.Count);
    }
}
