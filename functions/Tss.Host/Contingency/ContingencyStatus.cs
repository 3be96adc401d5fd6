using Tss.Pipeline.Contingency;

namespace Tss.Host.Contingency;

/// <summary>An authorizer's contingency state with its decision log, newest first.</summary>
public sealed record ContingencyStatus(ContingencyView State, IReadOnlyList<ContingencyDecision> Decisions);
