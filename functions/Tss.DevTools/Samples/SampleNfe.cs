namespace Tss.DevTools.Samples;

/// <summary>Builds unsigned, schema-valid NF-e 4.00 documents (PL_010b) for demos, tests and benchmarks.</summary>
public static class SampleNfe
{
    /// <summary>An unsigned NFe element (no XML declaration) whose infNFe@Id carries a consistent access key.</summary>
    public static string Create(SampleNfeOptions options, TimeProvider? time = null) => throw new NotImplementedException();
}
