namespace Tss.Contracts.Documents;

/// <summary>The life of a document in the pipeline, as the ERP sees it.</summary>
public enum DocumentStatus
{
    /// <summary>Validated, signed and stored; waiting for a lot.</summary>
    Pending,
    /// <summary>Claimed by a lot (sent or about to be sent).</summary>
    InLot,
    /// <summary>100/150: procNFe stored.</summary>
    Authorized,
    /// <summary>110/301/302/303: use denied; the number is consumed.</summary>
    Denied,
    /// <summary>Rejected with cStat/xMotivo; correct and resubmit.</summary>
    Rejected,
    /// <summary>Valid and signed, but the tenant has no credits left: not sent; it goes on when credits are added.</summary>
    AwaitingCredits,
    /// <summary>Was authorized; its cancellation (110111) is registered at SEFAZ (135/155).</summary>
    Cancelled,
}
