using Tss.Pipeline.Contingency;

namespace Tss.Pipeline.Ingest;

/// <summary>What ingest knows about contingency for one entity's NF-e (model 55).</summary>
/// <param name="Allowed">Whether contingency emission is allowed for the entity's UF (not in <c>Contingency:DisallowedUfs</c>).</param>
/// <param name="SvcTpEmis">The tpEmis of the UF's SVC (6 SVC-AN, 7 SVC-RS); null when it has none.</param>
/// <param name="Issue">Set while the authorizer (or the entity) is in contingency: a new tpEmis 1 NF-e is re-keyed with it.</param>
public sealed record IngestContingency(bool Allowed, int? SvcTpEmis, ContingencyIssue? Issue);
