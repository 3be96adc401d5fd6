using static Tss.Protocol.Reactions.CStatReaction;

namespace Tss.Protocol.Reactions;

/// <summary>
/// The reaction to every cStat the product handles, one table per SEFAZ answer (PROTOCOL.md §3–§8). The workflows
/// (lots, events, inutilização, MD-e, DANFE) read these tables instead of comparing codes. Rejections (2xx–9xx) are
/// classified by explicit range rules where the reaction is the same; a code listed one by one overrides its range.
/// The test ReactionTableTests walks the catalogue (Reference/cstat.json) and fails on a code a service can return
/// that none of that service's tables classifies.
/// </summary>
public static class CStatTables
{
    /// <summary>NFeAutorizacao4, lot level (retEnviNFe). Per-document results are in <see cref="Protocol"/>.</summary>
    public static CStatTable Autorizacao { get; } = new("retEnviNFe", [SefazService.Autorizacao], RejectLot,
        [new(201, 999, RejectLot)],
        (103, AwaitReceipt),
        (104, ReadItems),
        (108, RetryAfterParalysis),
        (109, RetryAfterParalysis),
        (656, BlockOneHour),
        (999, RetryWithBackoff));

    /// <summary>One document's result (protNFe), answered by a synchronous send, a receipt or a consultation.</summary>
    public static CStatTable Protocol { get; } = new("protNFe", [SefazService.Autorizacao, SefazService.RetAutorizacao, SefazService.ConsultaProtocolo],
        RejectDocument,
        [new(201, 999, RejectDocument)],
        (100, Authorize),
        (150, Authorize),
        (110, Deny),
        (205, Deny),
        (301, Deny),
        (302, Deny),
        (303, Deny),
        (204, ReconcileByKey), // duplicity: the key is already in SEFAZ's base
        (539, ReconcileByKey));

    /// <summary>NFeRetAutorizacao4 (retConsReciNFe). A receipt-level rejection says nothing about the documents: keep
    /// polling with backoff (the poll limit moves the lot to reconciliation by key).</summary>
    public static CStatTable RetAutorizacao { get; } = new("retConsReciNFe", [SefazService.RetAutorizacao], RetryWithBackoff,
        [new(201, 999, RetryWithBackoff)],
        (104, ReadItems),
        (105, Processing),
        (106, ReconcileByKey),
        (108, RetryAfterParalysis),
        (109, RetryAfterParalysis),
        (656, BlockOneHour));

    /// <summary>NFeConsultaProtocolo4 (retConsSitNFe). Authorize still requires a protNFe that <see cref="Protocol"/>
    /// authorizes; a denial is read from the protNFe. 108/109/999 say nothing about the document: it stays open and is
    /// consulted again (a document whose send may have reached SEFAZ is never called rejected on such an answer).</summary>
    public static CStatTable ConsultaProtocolo { get; } = new("retConsSitNFe", [SefazService.ConsultaProtocolo], RejectDocument,
        [new(201, 999, RejectDocument)],
        (100, Authorize),
        (150, Authorize),
        (101, Authorize), // authorized, then cancelled: the authorization protocol is still valid
        (135, Authorize),
        (151, Authorize),
        (155, Authorize),
        (110, Deny),
        (205, Deny),
        (301, Deny),
        (302, Deny),
        (303, Deny),
        (108, RetryAfterParalysis),
        (109, RetryAfterParalysis),
        (999, RetryWithBackoff),
        (217, Requeue),
        (656, BlockOneHour));

    /// <summary>NFeRecepcaoEvento4, lot level (retEnvEvento). Each event's result is in <see cref="Evento"/>.</summary>
    public static CStatTable RecepcaoEvento { get; } = new("retEnvEvento", [SefazService.RecepcaoEvento], RejectLot,
        [new(201, 999, RejectLot)],
        (128, ReadItems),
        (108, RetryAfterParalysis),
        (109, RetryAfterParalysis),
        (656, BlockOneHour),
        (999, RetryWithBackoff));

    /// <summary>One event's result (retEvento) at a UF authorizer or SVC; an EPEC's result reads as <see cref="Epec"/>.</summary>
    public static CStatTable Evento { get; } = new("retEvento", [SefazService.RecepcaoEvento], RejectDocument,
        [new(201, 999, RejectDocument)],
        (135, Register),
        (136, Register),
        (155, Register),
        (573, AlreadyRegistered), // registered by an earlier send whose answer was lost
        (124, RejectDocument));

    /// <summary>One EPEC's result (retEvento of event 110140 at the Ambiente Nacional). 136 (and 135/124 where an AN
    /// links it) registers the EPEC: the NF-e may be printed and is transmitted to its authorizer later. 573 is our own
    /// earlier EPEC whose answer was lost (consult the key before trusting it); 661 says the key is already an NF-e at
    /// SEFAZ (reconcile by key); 484/485/142 and every other rejection leave the document rejected with the xMotivo.</summary>
    public static CStatTable Epec { get; } = new("retEvento (EPEC)", [SefazService.Epec], RejectDocument,
        [new(201, 999, RejectDocument)],
        (136, Register),
        (135, Register),
        (124, Register),
        (573, AlreadyRegistered),
        (661, ReconcileByKey),
        (142, RejectDocument)); // EPEC blocked for the emitter: a rejection below the 2xx range

    /// <summary>NFeInutilizacao4 (retInutNFe). 563 means voided only when it answers our own resend; 108/109 refuse the
    /// request today (the caller may ask again).</summary>
    public static CStatTable Inutilizacao { get; } = new("retInutNFe", [SefazService.Inutilizacao], RejectDocument,
        [new(201, 999, RejectDocument)],
        (102, VoidRange),
        (563, AlreadyRegistered),
        (108, RejectDocument),
        (109, RejectDocument));

    /// <summary>NFeDistribuicaoDFe (retDistDFeInt), distNSU and the on-demand queries (NT 2014.002).</summary>
    public static CStatTable DistribuicaoDFe { get; } = new("retDistDFeInt", [SefazService.DistribuicaoDFe], WaitOneHour,
        [new(201, 999, WaitOneHour)],
        (138, Documents),
        (137, NoDocuments),
        (656, BlockOneHour),
        (108, WaitOneHour),
        (109, WaitOneHour));

    /// <summary>NFeStatusServico4 (retConsStatServ): reported to the caller as read.</summary>
    public static CStatTable StatusServico { get; } = new("retConsStatServ", [SefazService.StatusServico], RejectDocument,
        [new(201, 999, RejectDocument)],
        (107, InOperation),
        (108, RetryAfterParalysis),
        (109, RetryAfterParalysis));

    /// <summary>Every table, in the order above.</summary>
    public static IReadOnlyList<CStatTable> All { get; } =
        [Autorizacao, Protocol, RetAutorizacao, ConsultaProtocolo, RecepcaoEvento, Evento, Epec, Inutilizacao, DistribuicaoDFe, StatusServico];

    /// <summary>The tables that read an answer of <paramref name="service"/>.</summary>
    public static IEnumerable<CStatTable> For(SefazService service) => All.Where(t => t.Services.Contains(service));
}
