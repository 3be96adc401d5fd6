namespace Tss.Pipeline.Messages;

/// <summary>Cut lots from the pending documents of a partition.</summary>
public sealed record AssembleMessage(string Partition);
