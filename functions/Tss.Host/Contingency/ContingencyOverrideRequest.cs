using Tss.Pipeline.Contingency;

namespace Tss.Host.Contingency;

/// <summary>Body of the override routes: force, forbid or none (the signals decide again).</summary>
public sealed record ContingencyOverrideRequest(OperatorOverride Override, int Model = 55, int tpAmb = 0);
