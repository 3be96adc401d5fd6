namespace Tss.Pipeline.Lots;

/// <summary>A document waiting for a lot: its key, signed size, model and whether the caller asked for a synchronous answer.</summary>
public sealed record PendingDocument(string chNFe, int SignedBytes, int mod, bool SyncRequested);
