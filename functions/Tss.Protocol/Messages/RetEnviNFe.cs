namespace Tss.Protocol.Messages;

/// <summary>NFeAutorizacao4 answer: 103 with infRec (async), 104 with protNFe (sync), or a lot rejection.</summary>
public sealed record RetEnviNFe(
    int tpAmb,
    string verAplic,
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    string? nRec,
    int? tMed,
    ProtNFe? protNFe);
