using Tss.Pipeline.Queries;

namespace Tss.Host.Documents;

/// <summary>A page of documents; pass <see cref="ContinuationToken"/> back to get the next one (null on the last page).</summary>
public sealed record DocumentListResponse(IReadOnlyList<DocumentSummary> Documents, string? ContinuationToken);
