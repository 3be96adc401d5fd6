namespace Tss.Protocol.Messages;

/// <summary>One registry record of a retConsCad (the address is flattened; absent fields are null).</summary>
/// <param name="cSit">0 not enabled, 1 enabled.</param>
/// <param name="indCredNFe">0 not accredited, 1 accredited, 2 mandatory for all operations, 3 partially, 4 not informed.</param>
public sealed record InfCad(
    string IE,
    string? CNPJ,
    string? CPF,
    string UF,
    int cSit,
    int indCredNFe,
    int indCredCTe,
    string xNome,
    string? xFant = null,
    string? xRegApur = null,
    string? CNAE = null,
    DateOnly? dIniAtiv = null,
    DateOnly? dUltSit = null,
    DateOnly? dBaixa = null,
    string? IEUnica = null,
    string? IEAtual = null,
    string? xLgr = null,
    string? nro = null,
    string? xCpl = null,
    string? xBairro = null,
    string? cMun = null,
    string? xMun = null,
    string? CEP = null);
