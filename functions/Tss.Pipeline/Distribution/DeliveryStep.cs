namespace Tss.Pipeline.Distribution;

/// <summary>Where a delivery stands after an attempt (or after finding nothing due).</summary>
/// <param name="State">Retrying, Succeeded or GivenUp, as <c>RetryPlan</c> decided.</param>
/// <param name="Attempt">The number of the last attempt made (the next one is <c>Attempt + 1</c>).</param>
/// <param name="NextAttemptAt">When the next attempt is due on the pipeline clock (Retrying only).</param>
/// <param name="TimerAt">The same instant in real UTC time, for a durable timer (the pipeline clock may be scaled in
/// tests); set by <see cref="DeliveryAttempts"/>.</param>
public sealed record DeliveryStep(DeliveryState State, int Attempt, DateTimeOffset? NextAttemptAt, DateTime? TimerAt = null)
{
    public static DeliveryStep Finished(DeliveryState state, int attempt) => new(state, attempt, null);
}
