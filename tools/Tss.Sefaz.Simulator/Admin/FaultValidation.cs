using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.Admin;

/// <summary>Refuses fault requests that cannot mean anything (a 108 window with cStat 100, a 200 "error"…).</summary>
internal static class FaultValidation
{
    public static string? Check(FaultSpec fault) => fault switch
    {
        { Count: <= 0 } => "count must be positive (omit it for a fault that stays until removed).",
        { Kind: FaultKind.Paralysis, cStat: not (108 or 109) } => "a paralysis window answers cStat 108 or 109.",
        { Kind: FaultKind.Rejection, cStat: < 200 or > 9999 } => "a forced rejection needs a rejection cStat (200 and above).",
        { Kind: FaultKind.HttpError, StatusCode: < 400 or > 599 } => "statusCode must be an HTTP error (4xx/5xx).",
        { Kind: FaultKind.Latency, LatencyMs: < 0 } => "latencyMs must not be negative.",
        { Kind: FaultKind.Timeout, TimeoutSeconds: < 0 } => "timeoutSeconds must not be negative.",
        { Kind: FaultKind.Malformed } when fault.Malformed is not ("truncated" or "html") => "malformed is 'truncated' or 'html'.",
        _ => null,
    };
}
