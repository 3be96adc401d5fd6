namespace Tss.Pipeline.Contingency;

/// <summary>How a new NF-e is issued while its authorizer (or its entity) is in contingency: the fields it is re-keyed with.</summary>
/// <param name="tpEmis">6 (SVC-AN), 7 (SVC-RS) or 4 (EPEC).</param>
/// <param name="Via">"SVC-AN", "SVC-RS" or "EPEC".</param>
/// <param name="dhCont">When contingency began (the authorizer's switch, or the entity's forced override).</param>
/// <param name="xJust">The Portuguese justification written in the document (15–256 characters).</param>
public sealed record ContingencyIssue(int tpEmis, string Via, DateTimeOffset dhCont, string xJust);
