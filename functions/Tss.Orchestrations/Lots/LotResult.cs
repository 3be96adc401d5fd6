namespace Tss.Orchestrations.Lots;

/// <summary>How a lot ended (the documents hold their own outcomes).</summary>
public sealed record LotResult(string LotId, int Documents, int Requeued, int SendAttempts, string? LastStatus);
