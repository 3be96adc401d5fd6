using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Lots;

/// <summary>A lot to create: its documents in order and whether it is sent with indSinc=1.</summary>
public sealed record PlannedLot(IReadOnlyList<AccessKey> Keys, bool indSinc);
