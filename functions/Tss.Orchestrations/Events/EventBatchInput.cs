namespace Tss.Orchestrations.Events;

/// <summary>The input of an event batch orchestration: ids only (the event rows carry the batch id).</summary>
public sealed record EventBatchInput(string Partition, string BatchId);
