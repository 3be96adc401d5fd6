using System.Collections.Concurrent;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations.Tests.Delivery;

/// <summary>
/// A deliverer whose target answers from a script (one result per attempt, the last one repeating), deciding with the
/// product's RetryPlan like the real deliverers. Records every attempt with its pipeline-clock time.
/// </summary>
internal sealed class ScriptedDeliverer(TimeProvider time, IReadOnlyList<TimeSpan> schedule) : IDeliverer
{
    /// <summary>Results by delivery id; attempt n (2, 3, …) takes element n − 2.</summary>
    public ConcurrentDictionary<string, AttemptResult[]> Scripts { get; } = new();

    public ConcurrentQueue<(string DeliveryId, int Attempt, DateTimeOffset At)> Attempts { get; } = new();

    public Task<DeliveryStep> AttemptAsync(DeliveryRequest request, int attempt, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Attempts.Enqueue((request.DeliveryId, attempt, now));
        var script = Scripts[request.DeliveryId];
        var result = script[Math.Min(attempt - 2, script.Length - 1)];
        var (state, next) = RetryPlan.After(attempt, result, now, schedule);
        return Task.FromResult(new DeliveryStep(state, attempt, next));
    }

    public static AttemptResult Fail => AttemptResult.Transient(503, "http_503", 3);

    public static AttemptResult Refused => AttemptResult.Fatal(null, "address_blocked", 0);

    public static AttemptResult Ok => AttemptResult.Ok(200, 3);
}
