using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Tss.Pipeline.Distribution.Internal;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// The one entry point for delivery retries, used by the distributor for every delivery type (NF-e outcomes, events,
/// MD-e documents). The first attempt happens in the dispatch; only when it fails retryably does it call
/// <see cref="RetryLaterAsync"/>, which starts the delivery orchestration (no orchestration on the happy path: one
/// costs about 40 storage transactions).
/// </summary>
public sealed partial class Deliveries(IDeliveryRetries retries, TimeProvider time, ILogger<Deliveries> logger)
{
    /// <summary>
    /// Starts the retries of <paramref name="request"/>: attempt <paramref name="attemptsMade"/> + 1 is due at
    /// <paramref name="nextAttemptAt"/> (pipeline clock). Idempotent: the instance id is derived from the delivery, so
    /// a second call while the retries run is a no-op.
    /// </summary>
    public async Task RetryLaterAsync(DeliveryRequest request, int attemptsMade, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = InstanceId(request);
        await retries.StartAsync(id, new DeliveryRetry(request, attemptsMade, RealTime(nextAttemptAt, time)), ct).ConfigureAwait(false);
        Log.RetriesStarted(logger, request.DeliveryId, request.Channel, id, attemptsMade + 1, nextAttemptAt);
    }

    /// <summary>
    /// The orchestration instance id of a delivery's retries: "delivery-{channel}-{deliveryId}-{partition hash}". The
    /// partition hash keeps tenants apart when their delivery ids coincide (MD-e ids are per CNPJ, and twin tenants
    /// share a CNPJ); a delivery id with characters a task hub does not accept is hashed too.
    /// </summary>
    public static string InstanceId(DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.Channel == DeliveryChannel.Webhook ? "w" : "m";
        var id = SafeId().IsMatch(request.DeliveryId) ? request.DeliveryId : "h" + Hash(request.DeliveryId, 16);
        return $"delivery-{channel}-{id}-{Hash(request.Partition, 8)}";
    }

    /// <summary>
    /// The real UTC instant at which the pipeline clock <paramref name="clock"/> reads <paramref name="at"/>: durable
    /// timers run on real time, tests run the pipeline on a <see cref="ScaledTimeProvider"/> (a 30 s retry is
    /// 30 s / scale of real time). Rounded up to the millisecond, so the attempt never finds itself early.
    /// </summary>
    public static DateTime RealTime(DateTimeOffset at, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var scale = clock is ScaledTimeProvider scaled ? scaled.Scale : 1.0;
        var remaining = at - clock.GetUtcNow();
        var real = remaining <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds / scale) + 1);
        return DateTime.UtcNow + real;
    }

    private static string Hash(string text, int hexChars) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, hexChars / 2);

    [GeneratedRegex("^[0-9A-Za-z-]{1,80}$")]
    private static partial Regex SafeId();
}
