namespace Tss.Pipeline.Events;

/// <summary>Look at the pending and in-flight events of a documents partition (batch, send, reconcile).</summary>
public sealed record EventMessage(string Partition);
