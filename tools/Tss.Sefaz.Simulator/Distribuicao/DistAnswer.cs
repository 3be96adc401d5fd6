namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>The outcome of one DistDFe request before it is written as retDistDFeInt.</summary>
public sealed record DistAnswer(int cStat, string xMotivo, long UltNsu, long MaxNsu, IReadOnlyList<DistDocument> Documents);
