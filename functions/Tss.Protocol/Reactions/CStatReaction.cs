namespace Tss.Protocol.Reactions;

/// <summary>What the product does when a SEFAZ answer carries a cStat (PROTOCOL.md §4). The waits themselves are
/// policy options of the caller; the table only says which wait applies.</summary>
public enum CStatReaction
{
    /// <summary>No reaction (a code the table does not know).</summary>
    None,

    /// <summary>100/150: use authorized; store the protocol (procNFe).</summary>
    Authorize,

    /// <summary>110/205/301–303: use denied; the number is consumed, nothing else can be done with it.</summary>
    Deny,

    /// <summary>135/136/155: the event is registered; store procEventoNFe.</summary>
    Register,

    /// <summary>102: the numbering range is voided; store procInutNFe.</summary>
    VoidRange,

    /// <summary>573/563: SEFAZ already holds the same request (an earlier send whose answer was lost).</summary>
    AlreadyRegistered,

    /// <summary>The document, event or request is refused as sent; do not send it again unchanged.</summary>
    RejectDocument,

    /// <summary>A lot-level refusal (schema, size, environment…): every item of the lot is refused, nothing was processed.</summary>
    RejectLot,

    /// <summary>103: the lot was received; poll the receipt after tMed.</summary>
    AwaitReceipt,

    /// <summary>104/128: the lot was processed; read the cStat of each item (protNFe, retEvento).</summary>
    ReadItems,

    /// <summary>105: still processing; poll again with backoff.</summary>
    Processing,

    /// <summary>106/204/539: the outcome is unknown or the key is already in SEFAZ's base; consult by access key.</summary>
    ReconcileByKey,

    /// <summary>217: SEFAZ has no record of the key; once confirmed, it is safe to send the document again.</summary>
    Requeue,

    /// <summary>108/109: the service is paralysed; try again after the paralysis wait.</summary>
    RetryAfterParalysis,

    /// <summary>999 and answers that say nothing about the items: try again with backoff.</summary>
    RetryWithBackoff,

    /// <summary>656 (consumo indevido): stop calling that service for the hour; any call meanwhile restarts it.</summary>
    BlockOneHour,

    /// <summary>DistDFe answers other than 137/138/656: do not insist; wait the hour before the next distNSU.</summary>
    WaitOneHour,

    /// <summary>138: documents found; store them and continue from ultNSU.</summary>
    Documents,

    /// <summary>137: no documents; wait the hour before the next distNSU.</summary>
    NoDocuments,

    /// <summary>107: the service is in operation.</summary>
    InOperation,
}
