namespace Tss.Pipeline.Lots;

/// <summary>Where a lot is in its life. Only <see cref="Closed"/> is final.</summary>
public enum LotPhase
{
    /// <summary>Assembled; documents not yet claimed or sent.</summary>
    Created,
    /// <summary>A send is under way (write-ahead: recorded on the lot row before the SEFAZ call).</summary>
    Sending,
    /// <summary>SEFAZ answered 103; the receipt (nRec) is polled after a durable timer.</summary>
    AwaitingReceipt,
    /// <summary>The outcome of a send or of the receipt is unknown; documents are consulted by key before anything is re-sent.</summary>
    Reconciling,
    /// <summary>Every document has an outcome (or went back to pending for a new lot).</summary>
    Closed,
}
