namespace Tss.Pipeline.Queries;

/// <summary>One page of a document listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Documents, string? ContinuationToken);
