namespace Tss.Pipeline.Lots;

/// <summary>A lot to create: its documents in order and whether it is sent with indSinc=1.</summary>
public sealed record PlannedLot(IReadOnlyList<string> Keys, bool indSinc);
