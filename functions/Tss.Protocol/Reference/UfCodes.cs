using System.Collections.Frozen;

namespace Tss.Protocol.Reference;

/// <summary>IBGE codes of the UFs (and the AN's órgão code 91), one table.</summary>
public static class UfCodes
{
    /// <summary>cOrgao of the Ambiente Nacional (DistDFe, manifestação, EPEC).</summary>
    public const int AmbienteNacional = 91;

    /// <summary>Abbreviation used for the Ambiente Nacional in <see cref="ToCode"/>/<see cref="ToUf"/>.</summary>
    public const string AmbienteNacionalUf = "AN";

    // IBGE cUF table (PROTOCOL.md §11), in IBGE order.
    private static readonly (string Uf, int Code)[] Table =
    [
        ("RO", 11), ("AC", 12), ("AM", 13), ("RR", 14), ("PA", 15), ("AP", 16), ("TO", 17),
        ("MA", 21), ("PI", 22), ("CE", 23), ("RN", 24), ("PB", 25), ("PE", 26), ("AL", 27), ("SE", 28), ("BA", 29),
        ("MG", 31), ("ES", 32), ("RJ", 33), ("SP", 35),
        ("PR", 41), ("SC", 42), ("RS", 43),
        ("MS", 50), ("MT", 51), ("GO", 52), ("DF", 53),
    ];

    private static readonly FrozenDictionary<string, int> CodeByUf =
        Table.Append((Uf: AmbienteNacionalUf, Code: AmbienteNacional)).ToFrozenDictionary(t => t.Uf, t => t.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<int, string> UfByCode =
        Table.Append((Uf: AmbienteNacionalUf, Code: AmbienteNacional)).ToFrozenDictionary(t => t.Code, t => t.Uf);

    /// <summary>cUF for a UF abbreviation ("SP" → 35; "AN" → 91); throws <see cref="ArgumentException"/> for an unknown UF.</summary>
    public static int ToCode(string uf)
    {
        ArgumentNullException.ThrowIfNull(uf);
        return CodeByUf.TryGetValue(uf.Trim(), out var code) ? code : throw new ArgumentException($"Unknown UF '{uf}'.", nameof(uf));
    }

    /// <summary>UF abbreviation for a cUF (35 → "SP"; 91 → "AN"), or null.</summary>
    public static string? ToUf(int cUF) => UfByCode.GetValueOrDefault(cUF);

    /// <summary>True for the IBGE code of one of the 27 UFs (not the AN).</summary>
    public static bool IsUf(int cUF) => cUF != AmbienteNacional && UfByCode.ContainsKey(cUF);

    /// <summary>All 27 UF abbreviations.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Table.Select(t => t.Uf)];
}
