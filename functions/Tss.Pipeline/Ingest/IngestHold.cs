using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Ingest;

/// <summary>Documents the ingest caller sends itself (synchronous emission): their assembly is only a delayed safety net.</summary>
/// <param name="Holds">Whether a stored document is held by the caller.</param>
/// <param name="RecoveryDelay">When the safety-net assembly runs (real time).</param>
internal sealed record IngestHold(Func<DocumentRecord, bool> Holds, TimeSpan RecoveryDelay);
