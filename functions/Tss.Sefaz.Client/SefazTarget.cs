namespace Tss.Sefaz.Client;

/// <summary>Who is called: the emitter's UF, model (55/65) and environment (tpAmb 1 production, 2 homologation).</summary>
public sealed record SefazTarget(string Uf, int Model, int tpAmb);
