namespace Tss.Sefaz.Simulator.Exchanges;

/// <summary>The bounded log of exchanges (oldest dropped first). Thread-safe.</summary>
public sealed class ExchangeLog(SimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<ExchangeRecord> _records = new();
    private long _nextId;

    /// <summary>Appends a record, assigning its id.</summary>
    public ExchangeRecord Add(ExchangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var added = record with { Id = ++_nextId };
            _records.Enqueue(added);
            while (_records.Count > options.ExchangeLogCapacity)
            {
                _records.Dequeue();
            }

            return added;
        }
    }

    /// <summary>Records at or after <paramref name="since"/> (all when null), oldest first.</summary>
    public IReadOnlyList<ExchangeRecord> List(DateTimeOffset? since = null)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => since is null || r.Time >= since)];
        }
    }

    /// <summary>Forgets every record (ids keep increasing).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
