namespace Tss.Sefaz.Simulator.Lots;

/// <summary>The answer to enviNFe: 103 with nRec/tMed, 104 with the synchronous protNFe, or a lot rejection.</summary>
/// <param name="nRec">The receipt; also set for synchronous lots (recorded, not returned in retEnviNFe).</param>
public sealed record LotReceipt(
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    string? nRec,
    int? tMed,
    DocumentResult? Sync)
{
    /// <summary>103 or 104: the lot was recorded.</summary>
    public bool Accepted => cStat is 103 or 104;
}
