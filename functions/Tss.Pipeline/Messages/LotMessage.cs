namespace Tss.Pipeline.Messages;

/// <summary>Start (or resume) the lot <paramref name="LotId"/> of <paramref name="Partition"/>.</summary>
public sealed record LotMessage(string Partition, string LotId);
