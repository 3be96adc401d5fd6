namespace Tss.Runtime.Tables;

/// <summary>What a compare-and-swap update did.</summary>
public enum TableUpdateStatus
{
    /// <summary>The mutation was written (If-Match on the ETag it was computed from).</summary>
    Updated,

    /// <summary>The mutation said there was nothing to change; nothing was written.</summary>
    Unchanged,

    /// <summary>The entity does not exist (or was deleted meanwhile).</summary>
    NotFound,
}
