namespace Tss.Pipeline.Contingency;

/// <summary>An authorizer's contingency state as the API shows it.</summary>
public sealed record ContingencyView(
    string Uf,
    int Model,
    int tpAmb,
    ContingencyMode Mode,
    DateTimeOffset? Since,
    string? Via,
    OperatorOverride Override,
    int RecentFailures,
    int OkStatuses,
    string? Reason);
