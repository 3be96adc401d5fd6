namespace Tss.Protocol.Messages;

/// <summary>CadConsultaCadastro4 answer: 111 one record, 112 several, or a rejection (259 unknown CNPJ, 262, …).</summary>
/// <param name="UF">The consulted UF as echoed.</param>
/// <param name="dhCons">When the registry was consulted.</param>
public sealed record RetConsCad(
    string verAplic,
    int cStat,
    string xMotivo,
    string UF,
    string? IE,
    string? CNPJ,
    string? CPF,
    DateTimeOffset dhCons,
    int cUF,
    IReadOnlyList<InfCad> infCad);
