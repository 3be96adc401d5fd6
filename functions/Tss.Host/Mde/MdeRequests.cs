namespace Tss.Host.Mde;

/// <summary>POST …/mde/query: exactly one of <paramref name="chNFe"/> and <paramref name="Nsu"/>.</summary>
public sealed record MdeQueryRequest(string? chNFe, long? Nsu);

/// <summary>POST …/mde/manifestacoes.</summary>
public sealed record MdeManifestacaoRequest(string? chNFe, string? tpEvento, string? xJust);

/// <summary>Answer of POST …/mde/sync; the NSUs only for a tenant holding the company's history.</summary>
public sealed record MdeSyncResponse(string Status, int Calls, int NewDocuments, long? UltNsu, long? MaxNsu, DateTimeOffset? NextRunAt);

/// <summary>
/// Answer of GET …/mde/cursor. The NSUs, the document count and SEFAZ's last answer describe the company's history and are
/// null for a tenant that does not hold it (<paramref name="History"/> pending or denied); <paramref name="FromNsu"/> is where
/// its own share starts.
/// </summary>
public sealed record MdeCursorResponse(string Cnpj, int Model, long? UltNsu, long? MaxNsu, DateTimeOffset? SyncBlockedUntil, DateTimeOffset? BlockedUntil,
    DateTimeOffset? QueryWindowStart, int QueryCount, int? LastCStat, string? LastXMotivo, DateTimeOffset? LastSyncAt, DateTimeOffset? NextRunAt,
    long? DocumentCount, string History, long? FromNsu);

/// <summary>POST …/mde/sharing: <paramref name="Decision"/> "grant" or "deny" for <paramref name="TenantId"/>.</summary>
public sealed record MdeSharingDecisionRequest(string? TenantId, string? Decision);

/// <summary>Answer of GET …/mde/documents.</summary>
public sealed record MdeDocumentListResponse(IReadOnlyList<Tss.Mde.Documents.MdeDocumentSummary> Documents, long? NextSince);
