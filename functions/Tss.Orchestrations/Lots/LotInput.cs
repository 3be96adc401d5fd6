namespace Tss.Orchestrations.Lots;

/// <summary>The input of a lot orchestration: ids only (the lot row holds the keys).</summary>
public sealed record LotInput(string Partition, string LotId);
