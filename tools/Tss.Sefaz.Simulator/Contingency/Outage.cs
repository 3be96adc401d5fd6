namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>A UF's normal authorizer that is down, since when (simulator clock), for which model (null: all).</summary>
public sealed record Outage(string Uf, int cUF, int? Model, int cStat, DateTimeOffset Since)
{
    /// <summary>Whether a request for this model is hit (a request whose model is unknown, e.g. status, is hit).</summary>
    public bool Covers(int cUF, int? model) => cUF == this.cUF && (Model is null || model is null || Model == model);
}
