namespace Tss.Pipeline.Consultations;

/// <summary>NFeConsultaProtocolo4 as the ERP sees it: the situation at SEFAZ, the authorization and the registered events.</summary>
public sealed record ProtocolConsultation(
    string chNFe,
    int cStat,
    string xMotivo,
    DateTimeOffset dhRecbto,
    string? nProt,
    int? protcStat,
    DateTimeOffset? protdhRecbto,
    IReadOnlyList<ConsultedEvent> Events);

/// <summary>One event SEFAZ lists for a key.</summary>
public sealed record ConsultedEvent(string tpEvento, int nSeqEvento, int cStat, string? nProt, DateTimeOffset dhRegEvento);

/// <summary>NFeStatusServico4 of the entity's authorizer, from the shared cache.</summary>
/// <param name="FromCache">True when the answer was not asked for this call (the 3-minute rule).</param>
public sealed record ServiceStatus(
    string Uf,
    int tpAmb,
    int mod,
    int? cStat,
    string? xMotivo,
    int? tMed,
    DateTimeOffset? dhRecbto,
    DateTimeOffset? AnsweredAt,
    bool FromCache,
    DateTimeOffset NextAskAt);
