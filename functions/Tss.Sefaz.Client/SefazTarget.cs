namespace Tss.Sefaz.Client;

/// <summary>Who is called: the emitter's UF, model (55/65) and environment (tpAmb 1 production, 2 homologation).</summary>
public sealed record SefazTarget(string Uf, int Model, int tpAmb)
{
    /// <summary>
    /// The contingency authorizer ("SVC-AN" or "SVC-RS") that stands in for the UF's own (documents with tpEmis 6/7 and
    /// their events); null for the normal authorizer. National services (AN) are not affected.
    /// </summary>
    public string? Contingency { get; init; }
}
