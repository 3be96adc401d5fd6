namespace Tss.Sefaz.Simulator.Lots;

/// <summary>A snapshot of a lot for the admin API.</summary>
public sealed record LotView(
    string nRec,
    string idLote,
    bool indSinc,
    string TransmitterCnpj,
    int cUF,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ProcessedAt,
    int Queries,
    IReadOnlyList<string> chNFe,
    IReadOnlyList<DocumentResult> Results);
