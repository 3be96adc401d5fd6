namespace Tss.Tenancy.Certificates;

/// <summary>A certificate store that can tell, with one cheap request, whether it is reachable (for the readiness probe).</summary>
public interface ICertificateStoreProbe
{
    /// <summary>Throws when the store cannot be reached or refuses the host's credentials.</summary>
    Task ProbeAsync(CancellationToken ct);
}
