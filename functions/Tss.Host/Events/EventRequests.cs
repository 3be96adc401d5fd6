namespace Tss.Host.Events;

/// <summary>Body of POST …/nfe/{chNFe}/cancel.</summary>
/// <param name="xJust">Justification, 15–255 characters.</param>
public sealed record CancelRequest(string? xJust);

/// <summary>Body of POST …/nfe/{chNFe}/cce. Each CC-e replaces the previous one: repeat every correction still wanted.</summary>
/// <param name="xCorrecao">The correction, 15–1000 characters.</param>
public sealed record CorrectionRequest(string? xCorrecao);

/// <summary>Body of POST …/inutilizacoes.</summary>
/// <param name="ano">Two-digit year; default the current year.</param>
/// <param name="mod">55 (default) or 65.</param>
public sealed record InutilizacaoBody(int? serie, int? nNFIni, int? nNFFin, string? xJust, int? ano, int? mod);

/// <summary>Answer of GET …/nfe/{chNFe}/events: the document's status and every event request.</summary>
public sealed record DocumentEventsResponse(string chNFe, string Status, int EventCount, IReadOnlyList<Tss.Pipeline.Events.EventView> Events);
