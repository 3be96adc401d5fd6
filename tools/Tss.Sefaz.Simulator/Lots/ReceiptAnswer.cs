namespace Tss.Sefaz.Simulator.Lots;

/// <summary>The answer to consReciNFe: 104 with protNFe in lot order, 105, 106 or 656.</summary>
public sealed record ReceiptAnswer(
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    string nRec,
    IReadOnlyList<DocumentResult> Documents);
