namespace Tss.Sefaz.Simulator.Epec;

/// <summary>The EPECs registered at the simulated Ambiente Nacional, by key and by numbering. Thread-safe.</summary>
public sealed class EpecRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EpecRecord> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EpecRecord> _byNumbering = new(StringComparer.Ordinal);

    /// <summary>The numbering of a key: cUF + emitter + mod + serie + nNF (as the authorization base keys it).</summary>
    public static string NumberingOf(string chNFe)
    {
        ArgumentNullException.ThrowIfNull(chNFe);
        return string.Concat(chNFe.AsSpan(0, 2), chNFe.AsSpan(6, 28));
    }

    /// <summary>The EPEC of a key, or null.</summary>
    public EpecRecord? Find(string chNFe)
    {
        lock (_gate)
        {
            return _byKey.GetValueOrDefault(chNFe);
        }
    }

    /// <summary>The EPEC holding a numbering (whatever its key), or null.</summary>
    public EpecRecord? FindByNumbering(string numbering)
    {
        lock (_gate)
        {
            return _byNumbering.GetValueOrDefault(numbering);
        }
    }

    /// <summary>Registers an EPEC unless its key or its numbering already has one (then false).</summary>
    public bool TryAdd(EpecRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_byKey.ContainsKey(record.chNFe) || _byNumbering.ContainsKey(record.Numbering))
            {
                return false;
            }

            _byKey.Add(record.chNFe, record);
            _byNumbering.Add(record.Numbering, record);
            return true;
        }
    }

    /// <summary>Every EPEC, oldest first.</summary>
    public IReadOnlyList<EpecRecord> All()
    {
        lock (_gate)
        {
            return [.. _byKey.Values.OrderBy(r => r.dhRegEvento)];
        }
    }

    /// <summary>Forgets every EPEC (admin reset).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byKey.Clear();
            _byNumbering.Clear();
        }
    }
}
