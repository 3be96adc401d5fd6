namespace Tss.Protocol.Messages;

/// <summary>NFeInutilizacao4 answer: 102 homologated (with nProt), or a rejection (241, 256, 563, …).</summary>
/// <param name="Xml">The whole retInutNFe element as received, for <see cref="NfeProcs.ProcInutNFe"/>.</param>
public sealed record RetInutNFe(
    int tpAmb,
    string verAplic,
    int cStat,
    string xMotivo,
    int cUF,
    int? ano,
    string? CNPJ,
    int? mod,
    int? serie,
    int? nNFIni,
    int? nNFFin,
    DateTimeOffset dhRecbto,
    string? nProt,
    string Xml);
