namespace Tss.Sefaz.Simulator.Authorizations;

/// <summary>One event registered for an authorized NF-e (cStat 135).</summary>
/// <param name="ProcEventoNFeXml">The procEventoNFe {evento as received, retEvento as answered}; consSitNFe lists it.</param>
/// <param name="Svc">"SVC-AN"/"SVC-RS" when that SVC registered the event; null when the UF's own authorizer did.</param>
public sealed record EventRecord(
    string chNFe,
    string tpEvento,
    int nSeqEvento,
    string nProt,
    DateTimeOffset dhRegEvento,
    string ProcEventoNFeXml,
    string? Svc = null);
