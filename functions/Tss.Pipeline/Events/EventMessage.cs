namespace Tss.Pipeline.Events;

/// <summary>Cut the due events of a documents partition into batches (and restart batches whose start was lost).</summary>
public sealed record EventMessage(string Partition);
