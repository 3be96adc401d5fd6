namespace Tss.Pipeline.Distribution;

/// <summary>One attempt of a delivery.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="At">When it started (pipeline clock).</param>
/// <param name="StatusCode">HTTP status of a webhook response, SMTP status of a refused e-mail; null when none came back.</param>
/// <param name="Error">Stable error code and short detail ("http_503", "timeout", "address_blocked: …"); null on success.</param>
/// <param name="DurationMs">Wall-clock duration of the call.</param>
public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, long DurationMs)
{
    public bool Succeeded => Error is null;
}
