namespace Tss.Pipeline.Contingency;

/// <summary>The shared state of one authorizer (one Table row), as the pure policy reads and writes it.</summary>
/// <param name="Mode">How new documents are issued now.</param>
/// <param name="Since">When <paramref name="Mode"/> began (null: normal since ever).</param>
/// <param name="Failures">Consecutive transport failures/timeouts still inside the window, oldest first.</param>
/// <param name="OkStatuses">Consecutive 107 status answers seen while in contingency.</param>
/// <param name="Override">What the operator imposed on the authorizer.</param>
/// <param name="Reason">The Portuguese sentence of the last decision (shown in the API and portal).</param>
public sealed record ContingencyState(
    ContingencyMode Mode,
    DateTimeOffset? Since,
    IReadOnlyList<DateTimeOffset> Failures,
    int OkStatuses,
    OperatorOverride Override,
    string? Reason)
{
    /// <summary>Normal, no history.</summary>
    public static ContingencyState Initial { get; } = new(ContingencyMode.Normal, null, [], 0, OperatorOverride.None, null);
}
