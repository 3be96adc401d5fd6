namespace Tss.Protocol.Messages;

/// <summary>NFeRetAutorizacao4 answer: 104 with one protNFe per document, 105 processing, 106 unknown receipt, 656…</summary>
/// <param name="cMsg">UF-specific message code, when the authorizer sends one.</param>
/// <param name="xMsg">UF-specific message text, when the authorizer sends one.</param>
public sealed record RetConsReciNFe(
    int tpAmb,
    string verAplic,
    string nRec,
    int cStat,
    string xMotivo,
    int cUF,
    DateTimeOffset dhRecbto,
    IReadOnlyList<ProtNFe> protNFe,
    string? cMsg = null,
    string? xMsg = null);
