namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>GET /admin/authorizers: outages and SVC activations, with the simulator clock's now.</summary>
public sealed record AuthorizersView(DateTimeOffset Now, IReadOnlyList<Outage> Outages, IReadOnlyList<SvcActivation> Svc);
