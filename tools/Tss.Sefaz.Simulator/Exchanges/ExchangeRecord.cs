namespace Tss.Sefaz.Simulator.Exchanges;

/// <summary>One request the simulator received and how it was answered (admin API, JSON).</summary>
/// <param name="Service">WSDL service name, or null when the request could not be dispatched.</param>
/// <param name="cStat">Answered cStat(s): message level first, then per document; empty for faults and HTTP errors.</param>
/// <param name="Fault">The fault applied ("timeout/after#3"), if any.</param>
/// <param name="HttpStatus">HTTP status answered; 0 when the connection was aborted.</param>
public sealed record ExchangeRecord(
    long Id,
    DateTimeOffset Time,
    string? Service,
    string? TransmitterCnpj,
    string? PayloadRoot,
    string? idLote,
    string? nRec,
    IReadOnlyList<string> chNFe,
    IReadOnlyList<int> cStat,
    string? Fault,
    int HttpStatus);
