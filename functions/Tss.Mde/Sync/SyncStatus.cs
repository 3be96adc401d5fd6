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

    /// <summary>Not started: another holder (a query, a history copy, another pass) has the cursor's in-flight marker.</summary>
    Busy,

    /// <summary>Stopped by a transport failure or a lost in-flight marker; nothing was lost, the next run resumes.</summary>
    Interrupted,

    /// <summary>Asked of the cursor's orchestration, which had not answered when the caller stopped waiting (the pass goes on).</summary>
    Requested,
}
