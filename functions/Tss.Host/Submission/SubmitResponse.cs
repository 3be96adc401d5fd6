using Tss.Protocol.Schemas;

namespace Tss.Host.Submission;

/// <summary>The answer to a submission: one result per document, in request order.</summary>
public sealed record SubmitResponse(int Accepted, int Refused, IReadOnlyList<SubmitDocumentResult> Documents);

/// <summary>
/// Accepted (chNFe + status) or refused (error) — one submitted document. A document sent within the request
/// (indSinc=1: NFC-e, or a single NF-e with sync) carries SEFAZ's answer in <see cref="Sefaz"/> once it is final;
/// <see cref="Links"/> point at its status and, once authorized, its procNFe.
/// </summary>
public sealed record SubmitDocumentResult(int Index, string? chNFe, string? ErpId, string? Status, SubmitError? Error,
    SubmitSefazAnswer? Sefaz = null, SubmitLinks? Links = null)
{
    /// <summary>
    /// Set for an NFC-e issued in off-line contingency (tpEmis 9): it is issued now (its signed XML is linked for
    /// printing), and is transmitted to the authorizer by <c>transmitBy</c> (dhEmi + 24 h).
    /// </summary>
    public Tss.Pipeline.Offline.OfflineState? Offline { get; init; }
}

/// <summary>SEFAZ's final answer for a document sent synchronously within the request.</summary>
public sealed record SubmitSefazAnswer(int? cStat, string? xMotivo, string? nProt, DateTimeOffset? dhRecbto);

/// <summary>Where to follow an accepted document: its status, and its procNFe once authorized.</summary>
public sealed record SubmitLinks(string Status, string? ProcNFe)
{
    /// <summary>The signed XML, for printing an NFC-e issued off-line before its authorization (the DANFE endpoint prints
    /// only authorized documents).</summary>
    public string? Xml { get; init; }
}

/// <summary>Why a document was refused: stable code, message (pt-BR), and the schema violations when there are any.</summary>
public sealed record SubmitError(string Code, string Message, IReadOnlyList<SchemaError>? SchemaErrors);
