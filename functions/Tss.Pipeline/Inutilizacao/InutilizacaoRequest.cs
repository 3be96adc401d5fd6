namespace Tss.Pipeline.Inutilizacao;

/// <summary>A range of never-used numbers to void.</summary>
/// <param name="ano">Two-digit year of the request; null = the current year.</param>
/// <param name="mod">55 (NF-e) or 65 (NFC-e).</param>
public sealed record InutilizacaoRequest(int serie, int nNFIni, int nNFFin, string? xJust, int? ano = null, int mod = 55);
