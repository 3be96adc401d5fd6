using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Lots;

/// <summary>A document waiting for a lot: its key, signed size, model and whether the caller asked for a synchronous answer.</summary>
public sealed record PendingDocument(AccessKey Key, int SignedBytes, int mod, bool SyncRequested);
