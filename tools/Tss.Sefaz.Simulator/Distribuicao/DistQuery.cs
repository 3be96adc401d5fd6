namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>The three DistDFe query forms.</summary>
public enum DistQueryKind
{
    DistNsu,
    ConsNsu,
    ConsChNFe,
}

/// <summary>One DistDFe request: distNSU/ultNSU, consNSU/NSU or consChNFe/chNFe.</summary>
public sealed record DistQuery(DistQueryKind Kind, long Nsu, string? chNFe)
{
    public override string ToString() => Kind switch
    {
        DistQueryKind.DistNsu => $"distNSU {Nsu}",
        DistQueryKind.ConsNsu => $"consNSU {Nsu}",
        _ => $"consChNFe {chNFe}",
    };
}
