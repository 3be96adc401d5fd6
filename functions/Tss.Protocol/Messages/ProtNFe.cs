namespace Tss.Protocol.Messages;

/// <summary>protNFe/infProt: the per-document answer (100 authorized, 110/301/302 denied, or a rejection).</summary>
/// <param name="Xml">The whole protNFe element as received (namespace declared), to build nfeProc.</param>
public sealed record ProtNFe(
    int tpAmb,
    string verAplic,
    string chNFe,
    DateTimeOffset dhRecbto,
    string? nProt,
    string? digVal,
    int cStat,
    string xMotivo,
    string Xml);
