namespace Tss.Protocol.Reference;

/// <summary>IBGE codes of the UFs (and the AN's órgão code 91), one table.</summary>
public static class UfCodes
{
    /// <summary>cUF for a UF abbreviation ("SP" → 35); throws <see cref="ArgumentException"/> for an unknown UF.</summary>
    public static int ToCode(string uf) => throw new NotImplementedException();

    /// <summary>UF abbreviation for a cUF (35 → "SP"), or null.</summary>
    public static string? ToUf(int cUF) => throw new NotImplementedException();

    /// <summary>All 27 UF abbreviations.</summary>
    public static IReadOnlyList<string> All => throw new NotImplementedException();
}
