namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>Admin request taking a UF's normal authorizer down (JSON, camelCase).</summary>
public sealed record OutageSpec
{
    /// <summary>55 or 65; null takes every model of the UF down.</summary>
    public int? Model { get; init; }

    /// <summary>What the status service answers: 108 (momentary) or 109 (no forecast).</summary>
    public int cStat { get; init; } = 108;

    /// <summary>Whether SEFAZ activates the UF's SVC for the outage (default true; NF-e 55 only).</summary>
    public bool ActivateSvc { get; init; } = true;
}
