using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// The retry side of <see cref="Deliveries"/>: one attempt of a delivery by the deliverer of its kind (called by the
/// delivery orchestration's activity), with the next due time translated to real time for the durable timer.
/// </summary>
public sealed class DeliveryAttempts(IEnumerable<IDeliverer> deliverers, TimeProvider time)
{
    private readonly Dictionary<string, IDeliverer> _byKind = deliverers
        .SelectMany(d => d.Kinds.Select(k => (Kind: k, Deliverer: d)))
        .DistinctBy(x => x.Kind, StringComparer.Ordinal) // a feature registered twice registers the same deliverer twice
        .ToDictionary(x => x.Kind, x => x.Deliverer, StringComparer.Ordinal);

    /// <summary>Attempt number <paramref name="attempt"/> of <paramref name="request"/>.</summary>
    public async Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_byKind.TryGetValue(request.Kind, out var deliverer))
        {
            throw new InvalidOperationException($"No deliverer for delivery kind '{request.Kind}'.");
        }
        var step = await deliverer.AttemptAsync(request, attempt, ct).ConfigureAwait(false);
        return step is { State: DeliveryState.Retrying, NextAttemptAt: { } next }
            ? step with { TimerAt = Deliveries.RealTime(next, time) }
            : step with { State = step.State == DeliveryState.Retrying ? DeliveryState.GivenUp : step.State, NextAttemptAt = null };
    }
}
