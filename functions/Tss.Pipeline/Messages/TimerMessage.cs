using Tss.Pipeline.Lots;

namespace Tss.Pipeline.Messages;

/// <summary>A durable timer of a lot, delivered as a delayed queue message.</summary>
public sealed record TimerMessage(string Partition, string LotId, LotTimer Timer, int Seq, DateTimeOffset DueAt);
