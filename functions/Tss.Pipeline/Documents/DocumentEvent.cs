namespace Tss.Pipeline.Documents;

/// <summary>What happens to a document in the pipeline; <see cref="DocumentLifecycle"/> says where each one leads.</summary>
public enum DocumentEvent
{
    /// <summary>The ERP submitted the same key again after a rejection (corrected document).</summary>
    Resubmitted,
    /// <summary>The assembler found the tenant without credits: the document waits, not sent.</summary>
    OutOfCredits,
    /// <summary>A lot claimed the document (its pending marker was deleted in the lot's transaction).</summary>
    Claimed,
    /// <summary>100/150 (or found authorized by NFeConsultaProtocolo with the same digest).</summary>
    Authorized,
    /// <summary>110/301/302/303: use denied, the number is consumed.</summary>
    Denied,
    /// <summary>A document-level rejection (or 539: authorized with another digest).</summary>
    Rejected,
    /// <summary>Reconciliation found the key absent from SEFAZ's base: it goes back to assembly.</summary>
    Requeued,
    /// <summary>Its cancellation event (110111) was registered (135/155).</summary>
    CancellationRegistered,
}
