namespace Tss.Pipeline.Inutilizacao;

/// <summary>An inutilização as the ERP sees it (no XML).</summary>
public sealed record InutilizacaoView(
    string Id,
    string Status,
    int mod,
    int serie,
    int nNFIni,
    int nNFFin,
    int ano,
    string xJust,
    int? cStat,
    string? xMotivo,
    string? nProt,
    DateTimeOffset? dhRecbto,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool HasProcInutNFe)
{
    public static InutilizacaoView Of(InutilizacaoRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Status, r.mod, r.serie, r.nNFIni, r.nNFFin, r.ano, r.xJust, r.cStat, r.xMotivo, r.nProt, r.dhRecbto,
            r.CreatedAt, r.UpdatedAt, !string.IsNullOrEmpty(r.ProcBlob));
    }
}
