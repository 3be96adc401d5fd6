using System.Globalization;

namespace Tss.Sefaz.Simulator.Authorizations;

/// <summary>A homologated inutilização: the numbers nNFIni–nNFFin of one series of one emitter in one UF.</summary>
public sealed record VoidedRange(int cUF, int ano, string CNPJ, int mod, int serie, int nNFIni, int nNFFin, string nProt, DateTimeOffset dhRecbto)
{
    /// <summary>cUF + CNPJ + mod + serie: the first 21 characters of an authorization's numbering.</summary>
    public string SeriesPrefix => string.Create(CultureInfo.InvariantCulture, $"{cUF:00}{CNPJ}{mod:00}{serie:000}");

    /// <summary>True when the numbering (cUF + emitter + mod + serie + nNF) falls in this range.</summary>
    public bool Holds(string numbering) =>
        numbering.Length == 30 && numbering.StartsWith(SeriesPrefix, StringComparison.Ordinal)
        && int.TryParse(numbering.AsSpan(21, 9), NumberStyles.None, CultureInfo.InvariantCulture, out var nNF)
        && nNF >= nNFIni && nNF <= nNFFin;

    public bool SameSeries(VoidedRange other) => SeriesPrefix == other.SeriesPrefix;
}
