using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>The input of a lot activity: the lot's ids and its state so far (null before the first send).</summary>
public sealed record LotStepInput(string Partition, string LotId, LotState? State);
