namespace Tss.Sefaz.Simulator.Authorizations;

public sealed partial class AuthorizationStore
{
    private readonly Dictionary<string, List<EventRecord>> _events = new(StringComparer.Ordinal);
    private readonly List<VoidedRange> _voided = [];

    /// <summary>The events registered for a key, in registration order.</summary>
    public IReadOnlyList<EventRecord> Events(string chNFe)
    {
        lock (_gate)
        {
            return _events.TryGetValue(chNFe, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Registers an event unless one with the same tpEvento and nSeqEvento exists (then false).</summary>
    public bool TryAddEvent(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_events.TryGetValue(record.chNFe, out var list))
            {
                list = [];
                _events.Add(record.chNFe, list);
            }
            if (list.Any(e => e.tpEvento == record.tpEvento && e.nSeqEvento == record.nSeqEvento))
            {
                return false;
            }
            list.Add(record);
            return true;
        }
    }

    /// <summary>
    /// Voids a range unless the same range is already voided (563), another voided range overlaps it (256) or one of
    /// its numbers is authorized (241); returns 0 when recorded.
    /// </summary>
    public int TryVoid(VoidedRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        lock (_gate)
        {
            var sameSeries = _voided.Where(v => v.SameSeries(range)).ToList();
            if (sameSeries.Any(v => v.nNFIni == range.nNFIni && v.nNFFin == range.nNFFin))
            {
                return 563;
            }
            if (sameSeries.Any(v => v.nNFIni <= range.nNFFin && range.nNFIni <= v.nNFFin))
            {
                return 256;
            }
            if (_byNumbering.Keys.Any(range.Holds))
            {
                return 241;
            }
            _voided.Add(range);
            return 0;
        }
    }

    /// <summary>A snapshot of the voided ranges, oldest first.</summary>
    public IReadOnlyList<VoidedRange> VoidedRanges()
    {
        lock (_gate)
        {
            return [.. _voided];
        }
    }

    // Caller holds _gate.
    private VoidedRange? VoidedRangeHolding(string numbering) => _voided.FirstOrDefault(v => v.Holds(numbering));
}
