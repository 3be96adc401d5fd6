using Tss.Mde.Cursors;

namespace Tss.Mde.Sync;

/// <summary>The outcome of one sync run: how it ended, calls made, new documents and the cursor afterwards.</summary>
public sealed record SyncResult(SyncStatus Status, int Calls, int NewDocuments, MdeCursor Cursor, DateTimeOffset? RetryAfter = null);
