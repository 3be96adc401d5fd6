namespace Tss.Contracts.Credits;

/// <summary>
/// Port: the documents a tenant holds back for lack of credits (implemented by the pipeline, which notes their
/// partitions when its credit check refuses them). The credit ledger calls it after a top-up.
/// </summary>
public interface IAwaitingCredits
{
    /// <summary>Asks for lot assembly in every partition of <paramref name="tenantId"/> with documents awaiting
    /// credits, then forgets them; returns how many partitions were woken (0 when nobody waits).</summary>
    Task<int> WakeAsync(string tenantId, CancellationToken ct);
}
