namespace Tss.Sefaz.Simulator.Authorizations;

/// <summary>One authorized NF-e as the simulator's base holds it.</summary>
/// <param name="Numbering">cUF + emitter + mod + serie + nNF: what SEFAZ's duplicity check compares.</param>
/// <param name="ProtNFeXml">The protNFe returned at authorization; consSitNFe returns the same element.</param>
/// <param name="TimesAuthorized">How many times this key was authorized; anything but 1 is a simulator bug.</param>
public sealed record AuthorizationRecord(
    string chNFe,
    string Numbering,
    int cStat,
    string nProt,
    string? digVal,
    DateTimeOffset dhRecbto,
    string nRec,
    string idLote,
    string ProtNFeXml,
    int TimesAuthorized = 1);
