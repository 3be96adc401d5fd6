using System.Collections.Concurrent;
using Tss.Pipeline.Lots;

namespace Tss.Testing.Lots;

/// <summary>An <see cref="ILotStarter"/> for stage tests: records the lots the assembler starts, so the test runs
/// them step by step (see <see cref="LotDriver"/>).</summary>
public sealed class RecordingLotStarter : ILotStarter
{
    public ConcurrentQueue<(string Partition, string LotId)> Started { get; } = new();

    public Task StartAsync(string partition, string lotId, CancellationToken ct)
    {
        Started.Enqueue((partition, lotId));
        return Task.CompletedTask;
    }
}
