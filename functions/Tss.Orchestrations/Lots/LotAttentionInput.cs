namespace Tss.Orchestrations.Lots;

/// <summary>
/// The input of <see cref="MarkLotAttentionActivity"/>: the lot's last fault (<paramref name="Error"/>), and whether it
/// is stuck (its open documents then need attention). A null error with <paramref name="Stuck"/> false clears the
/// stuck marks (an operator's retry).
/// </summary>
public sealed record LotAttentionInput(string Partition, string LotId, string? Error, bool Stuck);
