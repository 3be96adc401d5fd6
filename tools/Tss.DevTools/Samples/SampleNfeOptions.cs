namespace Tss.DevTools.Samples;

/// <summary>What a sample NF-e varies on. The rest is a fixed, schema-valid PL_010b document.</summary>
public sealed record SampleNfeOptions
{
    public required string EmitCnpj { get; init; }
    public string Uf { get; init; } = "SP";
    public int mod { get; init; } = 55;
    public int serie { get; init; } = 1;
    public required int nNF { get; init; }
    public int tpAmb { get; init; } = 2;
    public int tpEmis { get; init; } = 1;
    /// <summary>Emission time; defaults to the time provider's now.</summary>
    public DateTimeOffset? dhEmi { get; init; }
    /// <summary>Number of det items (grows the document: ~10 KB at the default).</summary>
    public int Items { get; init; } = 12;
    /// <summary>Fixed cNF for reproducible fixtures; random when null.</summary>
    public int? cNF { get; init; }
}
