namespace Tss.Host.Mde;

/// <summary>POST …/mde/query: exactly one of <paramref name="chNFe"/> and <paramref name="Nsu"/>.</summary>
public sealed record MdeQueryRequest(string? chNFe, long? Nsu);

/// <summary>POST …/mde/manifestacoes.</summary>
public sealed record MdeManifestacaoRequest(string? chNFe, string? tpEvento, string? xJust);

/// <summary>Answer of POST …/mde/sync.</summary>
public sealed record MdeSyncResponse(string Status, int Calls, int NewDocuments, long UltNsu, long MaxNsu, DateTimeOffset? NextRunAt);

/// <summary>Answer of GET …/mde/cursor.</summary>
public sealed record MdeCursorResponse(string Cnpj, int Model, long UltNsu, long MaxNsu, DateTimeOffset? SyncBlockedUntil, DateTimeOffset? BlockedUntil,
    DateTimeOffset? QueryWindowStart, int QueryCount, int? LastCStat, string? LastXMotivo, DateTimeOffset? LastSyncAt, DateTimeOffset? NextRunAt,
    long DocumentCount);

/// <summary>Answer of GET …/mde/documents.</summary>
public sealed record MdeDocumentListResponse(IReadOnlyList<Tss.Mde.Documents.MdeDocumentSummary> Documents, long? NextSince);
