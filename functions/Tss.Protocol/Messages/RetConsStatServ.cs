namespace Tss.Protocol.Messages;

/// <summary>NFeStatusServico4 answer: 107 in operation, 108/109 paralysed.</summary>
public sealed record RetConsStatServ(
    int tpAmb,
    string verAplic,
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    int? tMed,
    DateTimeOffset? dhRetorno,
    string? xObs);
