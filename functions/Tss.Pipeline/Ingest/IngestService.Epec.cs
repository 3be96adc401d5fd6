using Tss.Pipeline.Documents;
using Tss.Pipeline.Epec;

namespace Tss.Pipeline.Ingest;

public sealed partial class IngestService
{
    /// <summary>
    /// Starts the EPEC registration of every stored document of the partition whose EPEC is still open (new, or found
    /// stored by a resubmission: the start is idempotent per key). Without the EPEC orchestration registered the
    /// documents stay stored and unsent (never transmitted before their EPEC), which the log says.
    /// </summary>
    private async Task StartEpecsAsync(IEnumerable<(int Index, DocumentRecord Record)> partition, IngestedDocument[] results, CancellationToken ct)
    {
        foreach (var (index, _) in partition)
        {
            if (results[index]?.Stored is not { } stored || !EpecStatus.IsOpen(stored.EpecStatus))
            {
                continue;
            }

            Log.EpecIssued(logger, stored.RowKey);
            if (epec is not null)
            {
                await epec.StartAsync(stored.PartitionKey, stored.RowKey, ct).ConfigureAwait(false);
            }
        }
    }
}
