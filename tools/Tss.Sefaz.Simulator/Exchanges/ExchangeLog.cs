namespace Tss.Sefaz.Simulator.Exchanges;

/// <summary>
/// The bounded log of exchanges (oldest dropped first). Thread-safe. A request is added once processed, before its
/// answer is written, and updated in place with how it was answered — so a request whose answer never reached the
/// caller (it died, the connection dropped) is on record too.
/// </summary>
public sealed class ExchangeLog(SimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _order = new();
    private readonly Dictionary<long, ExchangeRecord> _records = [];
    private long _nextId;

    /// <summary>Appends a record, assigning its id.</summary>
    public ExchangeRecord Add(ExchangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var added = record with { Id = ++_nextId };
            _order.Enqueue(added.Id);
            _records[added.Id] = added;
            while (_order.Count > options.ExchangeLogCapacity)
            {
                _records.Remove(_order.Dequeue());
            }

            return added;
        }
    }

    /// <summary>Replaces the record with the same id (a record dropped meanwhile stays dropped).</summary>
    public ExchangeRecord Update(ExchangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_records.ContainsKey(record.Id))
            {
                _records[record.Id] = record;
            }

            return record;
        }
    }

    /// <summary>Records at or after <paramref name="since"/> (all when null), oldest first.</summary>
    public IReadOnlyList<ExchangeRecord> List(DateTimeOffset? since = null)
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _records[id]).Where(r => since is null || r.Time >= since)];
        }
    }

    /// <summary>Forgets every record (ids keep increasing).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _order.Clear();
            _records.Clear();
        }
    }
}
