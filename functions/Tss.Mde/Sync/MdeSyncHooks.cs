namespace Tss.Mde.Sync;

/// <summary>
/// Observation points of the sync loop for crash tests: <see cref="AfterChunkIndexed"/> runs after each chunk of an
/// answer's documents is stored and before the cursor moves; throwing there is a crash at the worst moment.
/// </summary>
public sealed class MdeSyncHooks
{
    public Func<IReadOnlyList<long>, Task>? AfterChunkIndexed { get; set; }
}
