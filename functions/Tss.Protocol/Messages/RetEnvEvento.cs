namespace Tss.Protocol.Messages;

/// <summary>NFeRecepcaoEvento4 answer: 128 with one retEvento per event, or a lot rejection (215, 477, …) with none.</summary>
public sealed record RetEnvEvento(
    string idLote,
    int tpAmb,
    string verAplic,
    int cOrgao,
    int cStat,
    string xMotivo,
    IReadOnlyList<RetEvento> retEvento);
