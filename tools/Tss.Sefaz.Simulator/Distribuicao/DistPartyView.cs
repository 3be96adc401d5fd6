namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>What the simulator knows about one interested CNPJ (admin view).</summary>
public sealed record DistPartyView(string Cnpj, int Documents, long MaxNsu, long? LastReturnedNsu, int Requests, int MaxConcurrentRequests,
    DateTimeOffset? QuietUntil, DateTimeOffset? BlockedUntil, DateTimeOffset? QueryWindowStart, int QueryCount,
    IReadOnlyList<DistViolation> Violations);
