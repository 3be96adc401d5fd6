using Tss.Pipeline.Events;

namespace Tss.Orchestrations.Events;

/// <summary>The input of an event batch activity: the batch's ids, the number of the send, and (for the outcome) what the send returned.</summary>
public sealed record EventBatchStepInput(string Partition, string BatchId, int Send = 0, EventSendResult? Sent = null);
