namespace Tss.Mde.Manifestacao;

/// <summary>The outcome of a manifestação: SEFAZ's cStat for the event (135/136 registered, 573 already registered,
/// otherwise a rejection) and the protocol.</summary>
public sealed record ManifestacaoResult(string chNFe, string tpEvento, int cStat, string xMotivo, string? nProt, DateTimeOffset? dhRegEvento,
    bool Registered, bool Replayed);
