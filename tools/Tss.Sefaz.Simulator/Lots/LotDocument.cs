namespace Tss.Sefaz.Simulator.Lots;

/// <summary>One NF-e of a lot, reduced to what processing needs once the per-document checks have run.</summary>
/// <param name="chNFe">The access key (or 44 zeros when unreadable; such a document carries a rejection).</param>
/// <param name="Numbering">cUF + emitter + mod + serie + nNF from the key, for the duplicity check.</param>
/// <param name="tpAmb">The document's environment.</param>
/// <param name="mod">55 NF-e or 65 NFC-e.</param>
/// <param name="digVal">The DigestValue of its signature, echoed in protNFe.</param>
/// <param name="RejectioncStat">The first check that failed (signature, certificate, key, 598…), or null.</param>
/// <param name="RejectionxMotivo">Text for <paramref name="RejectioncStat"/>.</param>
public sealed record LotDocument(
    string chNFe,
    string Numbering,
    int tpAmb,
    int mod,
    string? digVal,
    int? RejectioncStat = null,
    string? RejectionxMotivo = null);
