namespace Tss.Sefaz.Simulator.Lots;

/// <summary>The protNFe of one processed document.</summary>
public sealed record DocumentResult(
    string chNFe,
    int cStat,
    string xMotivo,
    string? nProt,
    string? digVal,
    DateTimeOffset dhRecbto,
    string ProtNFeXml);
