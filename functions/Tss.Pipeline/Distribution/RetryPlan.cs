namespace Tss.Pipeline.Distribution;

/// <summary>The one retry policy of every delivery (NF-e outcomes, events, MD-e documents; webhook and e-mail) as a
/// pure function of the schedule (<see cref="DistributionOptions.EffectiveRetrySchedule"/>): after attempt n, what state
/// and when the next one is due.</summary>
public static class RetryPlan
{
    /// <param name="attempt">The attempt just made (1-based).</param>
    public static (DeliveryState State, DateTimeOffset? NextAttemptAt) After(
        int attempt, AttemptResult result, DateTimeOffset startedAt, IReadOnlyList<TimeSpan> schedule)
    {
        if (result.Success)
        {
            return (DeliveryState.Succeeded, null);
        }
        if (result.Permanent || attempt > schedule.Count)
        {
            return (DeliveryState.GivenUp, null);
        }
        return (DeliveryState.Retrying, startedAt + schedule[attempt - 1]);
    }
}
