namespace Tss.Danfe.Model;

/// <summary>The ide fields the DANFE prints or decides on.</summary>
internal sealed record Ide(
    int mod, int serie, long nNF, string natOp, DateTimeOffset dhEmi, DateTimeOffset? dhSaiEnt, int tpNF, int tpImp, int tpEmis, int tpAmb,
    DateTimeOffset? dhCont, string? xJust);
