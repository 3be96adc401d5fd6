using Tss.Protocol.Schemas;

namespace Tss.Host.Submission;

/// <summary>The answer to a submission: one result per document, in request order.</summary>
public sealed record SubmitResponse(int Accepted, int Refused, IReadOnlyList<SubmitDocumentResult> Documents);

/// <summary>Accepted (chNFe + status) or refused (error) — one submitted document.</summary>
public sealed record SubmitDocumentResult(int Index, string? chNFe, string? ErpId, string? Status, SubmitError? Error);

/// <summary>Why a document was refused: stable code, message (pt-BR), and the schema violations when there are any.</summary>
public sealed record SubmitError(string Code, string Message, IReadOnlyList<SchemaError>? SchemaErrors);
