using Tss.Pipeline.Ingest;

namespace Tss.Host.Submission;

/// <summary>A parsed submission: the documents, whether sync mode was asked, and the raw bytes (for idempotency).</summary>
public sealed record SubmitBody(IReadOnlyList<IngestItem> Items, bool Sync, byte[] Raw, string MediaType);
