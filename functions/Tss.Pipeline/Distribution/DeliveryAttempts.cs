namespace Tss.Pipeline.Distribution;

/// <summary>
/// The retry side of <see cref="Deliveries"/>: one attempt of a delivery by the deliverer (called by the delivery
/// orchestration's activity), with the next due time translated to real time for the durable timer.
/// </summary>
public sealed class DeliveryAttempts(IDeliverer deliverer, TimeProvider time)
{
    /// <summary>Attempt number <paramref name="attempt"/> of <paramref name="request"/>.</summary>
    public async Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = await deliverer.AttemptAsync(request, attempt, ct).ConfigureAwait(false);
        return step is { State: DeliveryState.Retrying, NextAttemptAt: { } next }
            ? step with { TimerAt = Deliveries.RealTime(next, time) }
            : step with { State = step.State == DeliveryState.Retrying ? DeliveryState.GivenUp : step.State, NextAttemptAt = null };
    }
}
