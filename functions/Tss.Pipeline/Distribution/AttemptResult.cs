namespace Tss.Pipeline.Distribution;

/// <summary>What one delivery call did. <paramref name="Permanent"/> failures are not retried (blocked address,
/// invalid recipient, missing secret).</summary>
public sealed record AttemptResult(bool Success, bool Permanent, int? StatusCode, string? Error, long DurationMs)
{
    public static AttemptResult Ok(int? statusCode, long durationMs) => new(true, false, statusCode, null, durationMs);

    public static AttemptResult Transient(int? statusCode, string error, long durationMs) => new(false, false, statusCode, error, durationMs);

    public static AttemptResult Fatal(int? statusCode, string error, long durationMs) => new(false, true, statusCode, error, durationMs);
}
