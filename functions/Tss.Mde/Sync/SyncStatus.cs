namespace Tss.Mde.Sync;

/// <summary>How a sync run ended.</summary>
public enum SyncStatus
{
    /// <summary>Ran until SEFAZ had nothing more (or a block began); the cursor says which.</summary>
    Completed,

    /// <summary>Stopped after the per-run call budget; the backlog continues in the next run.</summary>
    BudgetExhausted,

    /// <summary>Not started: the cursor is inside a block or the wait after "no documents".</summary>
    Blocked,

    /// <summary>Not started: another instance holds this cursor's lease.</summary>
    Busy,

    /// <summary>Stopped by a transport failure or a lost lease; nothing was lost, the next run resumes.</summary>
    Interrupted,
}
