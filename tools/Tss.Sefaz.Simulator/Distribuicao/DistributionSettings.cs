namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>Tunables of the DistDFe simulation, changeable through the admin API (POST /admin/distdfe/settings).</summary>
/// <param name="PageSize">Documents per answer (SEFAZ: at most 50).</param>
/// <param name="LatencyMs">Real-time delay inside each request, so overlapping requests of one CNPJ become visible.</param>
/// <param name="QueryLimit">consNSU + consChNFe allowed per hour and CNPJ (NT 2014.002: 20).</param>
public sealed record DistributionSettings(int PageSize = 50, int LatencyMs = 0, int QueryLimit = 20)
{
    /// <summary>How long a block or the wait after "no documents" lasts (NT 2014.002: one hour).</summary>
    public static TimeSpan Hour { get; } = TimeSpan.FromHours(1);
}
