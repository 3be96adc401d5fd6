namespace Tss.Pipeline.Messages;

/// <summary>Deliver the final outcome of these documents (webhook, e-mail).</summary>
public sealed record DistributeMessage(string Partition, IReadOnlyList<string> Keys);
