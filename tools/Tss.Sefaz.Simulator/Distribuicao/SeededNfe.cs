namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>An NF-e addressed to a party: its full nfeProc (when seeded) and the manifestações registered for it.</summary>
internal sealed class SeededNfe(string chNFe, string? procNFe)
{
    public string chNFe { get; } = chNFe;
    public string? ProcNFe { get; } = procNFe;
    public HashSet<string> Manifestacoes { get; } = new(StringComparer.Ordinal);
    public bool ProcDistributed { get; set; }
}
