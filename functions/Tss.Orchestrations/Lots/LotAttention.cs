namespace Tss.Orchestrations.Lots;

/// <summary>
/// The lot orchestration's custom status while something is wrong (null while all is well): what the Durable status
/// query and the monitor show. <see cref="Stuck"/>: the lot stopped restarting and waits for an operator's retry.
/// </summary>
/// <param name="Kind"><see cref="Restarting"/>, <see cref="Faulted"/> or <see cref="Stuck"/>.</param>
/// <param name="Error">The last error ("type: message").</param>
/// <param name="Restarts">Restarts in a row so far.</param>
/// <param name="Since">When the run of failures began.</param>
public sealed record LotAttention(string Kind, string Error, int Restarts, DateTime Since)
{
    /// <summary>A step spent its retries; the lot restarts from its last recorded step.</summary>
    public const string Restarting = "restarting";

    /// <summary>The orchestrator's own code threw; the lot restarts from its lot row (reconciling by key if a send may have gone).</summary>
    public const string Faulted = "faulted";

    /// <summary>The lot stopped restarting; its documents need attention and an operator's retry.</summary>
    public const string StuckKind = "stuck";

    /// <summary>True when the lot waits for an operator.</summary>
    public bool Stuck => Kind == StuckKind;
}
