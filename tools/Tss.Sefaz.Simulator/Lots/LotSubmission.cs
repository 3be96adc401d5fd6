namespace Tss.Sefaz.Simulator.Lots;

/// <summary>A schema-valid enviNFe lot as received.</summary>
/// <param name="TransmitterCnpj">CNPJ of the TLS client certificate (consumption rules are per CNPJ).</param>
/// <param name="cUF">UF of the authorizer serving the lot (the documents' cUF).</param>
public sealed record LotSubmission(
    string idLote,
    bool indSinc,
    string TransmitterCnpj,
    int cUF,
    IReadOnlyList<LotDocument> Documents);
