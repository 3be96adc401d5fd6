namespace Tss.Danfe.Model;

/// <summary>total/ISSQNtot.</summary>
internal sealed record IssqnTotals(decimal vServ, decimal vBC, decimal vISS);
