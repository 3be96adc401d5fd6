using Tss.Mde.Documents;

namespace Tss.Mde.Queries;

/// <summary>SEFAZ's answer to an on-demand query and the documents it carried (stored like synced ones).</summary>
public sealed record MdeQueryResult(int cStat, string xMotivo, IReadOnlyList<MdeDocumentSummary> Documents, int QueriesLeftThisHour);
