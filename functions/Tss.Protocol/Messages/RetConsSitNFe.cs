namespace Tss.Protocol.Messages;

/// <summary>NFeConsultaProtocolo4 answer: 100/150 with protNFe, 101 cancelled, 217 unknown key, …</summary>
public sealed record RetConsSitNFe(
    int tpAmb,
    string verAplic,
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    string chNFe,
    ProtNFe? protNFe,
    IReadOnlyList<string> procEventoNFeXml);
