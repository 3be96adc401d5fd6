namespace Tss.Pipeline.Distribution;

/// <summary>Input of the delivery retry orchestration.</summary>
/// <param name="Request">The delivery (ids only).</param>
/// <param name="Attempt">Attempts already made (1 after a failed first attempt).</param>
/// <param name="TimerAt">When the next attempt is due, real UTC time.</param>
public sealed record DeliveryRetry(DeliveryRequest Request, int Attempt, DateTime TimerAt);
