using System.Diagnostics.Metrics;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;

namespace Tss.Pipeline.Telemetry;

/// <summary>
/// The "tss.queue.depth" gauge: approximate message count of each stage queue (visible and delayed; the timer queue
/// holds the durable timers). Read from storage at most once per <see cref="PipelineTelemetryOptions.QueueDepthRefresh"/>
/// (one GetProperties per queue, a billed transaction each), in the background: a collection never waits on storage
/// and reports the last values read.
/// </summary>
public sealed class QueueDepthGauge : IDisposable
{
    private readonly Meter _meter;
    private readonly QueueClient[] _queues;
    // Real time, not the (possibly scaled) pipeline clock: the cache bounds storage cost.
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly TimeSpan _refresh;
    private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _reading;

    public QueueDepthGauge(IMeterFactory meters, StorageClients storage, IOptions<PipelineOptions> options, IOptions<PipelineTelemetryOptions> telemetry)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(storage);
        var o = options.Value;
        _queues = [.. new[] { o.AssembleQueue, o.DistributeQueue }.Distinct(StringComparer.Ordinal).Select(storage.GetQueue)];
        _refresh = telemetry.Value.QueueDepthRefresh;
        _meter = meters.Create(PipelineTelemetry.Name);
        _meter.CreateObservableGauge("tss.queue.depth", Observe, "{message}", "Approximate number of messages in each stage queue (cached).");
    }

    /// <summary>Storage reads done so far (for tests and the cost figure).</summary>
    public int Reads { get; private set; }

    /// <summary>Reads the depths now (also what a stale collection triggers in the background).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in _queues)
        {
            try
            {
                read[queue.Name] = (await queue.GetPropertiesAsync(ct).ConfigureAwait(false)).Value.ApproximateMessagesCount;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                read[queue.Name] = 0; // not created yet: nothing waits in it
            }
        }
        lock (_gate)
        {
            foreach (var (name, depth) in read)
            {
                _depths[name] = depth;
            }
            _readAt = _time.GetUtcNow();
            Reads += read.Count;
        }
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        List<Measurement<int>> values;
        bool stale;
        lock (_gate)
        {
            values = [.. _depths.Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("queue", d.Key)))];
            stale = _time.GetUtcNow() - _readAt >= _refresh;
        }
        if (stale && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
                {
                    // Storage unreachable: keep the last values; the next collection tries again after the refresh period.
                    lock (_gate)
                    {
                        _readAt = _time.GetUtcNow();
                    }
                }
                finally
                {
                    Volatile.Write(ref _reading, 0);
                }
            });
        }
        return values;
    }

    public void Dispose() => _meter.Dispose();
}
