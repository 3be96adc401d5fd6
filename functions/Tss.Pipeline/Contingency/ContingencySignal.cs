namespace Tss.Pipeline.Contingency;

/// <summary>One observation of the normal authorizer, with when it happened and a short detail (cStat, error code).</summary>
public sealed record ContingencySignal(ContingencySignalKind Kind, DateTimeOffset At, string? Detail = null)
{
    /// <summary>Whether it counts towards the consecutive-failure threshold.</summary>
    public bool IsFailure => Kind is ContingencySignalKind.TransportFailure or ContingencySignalKind.Timeout;
}
