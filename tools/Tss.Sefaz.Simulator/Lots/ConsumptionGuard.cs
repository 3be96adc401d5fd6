namespace Tss.Sefaz.Simulator.Lots;

/// <summary>
/// "Consumo indevido" bookkeeping per CNPJ: violations in a sliding hour; past the threshold the CNPJ is blocked for
/// an hour, and every request during the block restarts that hour. Not thread-safe; the owner serialises calls.
/// </summary>
public sealed class ConsumptionGuard(int threshold, TimeSpan window, TimeSpan block)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _violations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    /// <summary>True while the CNPJ is blocked; the request itself restarts the block.</summary>
    public bool CheckBlocked(string cnpj, DateTimeOffset now)
    {
        if (_blockedUntil.TryGetValue(cnpj, out var until) && now < until)
        {
            _blockedUntil[cnpj] = now + block;
            return true;
        }

        return false;
    }

    /// <summary>Counts one violation; returns true when it pushes the CNPJ over the threshold (now blocked).</summary>
    public bool RecordViolation(string cnpj, DateTimeOffset now)
    {
        if (!_violations.TryGetValue(cnpj, out var times))
        {
            _violations[cnpj] = times = new Queue<DateTimeOffset>();
        }

        while (times.Count > 0 && now - times.Peek() >= window)
        {
            times.Dequeue();
        }

        times.Enqueue(now);
        if (times.Count > threshold)
        {
            times.Clear();
            _blockedUntil[cnpj] = now + block;
            return true;
        }

        return false;
    }

    /// <summary>Blocked-until per CNPJ, for diagnostics.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Blocks => _blockedUntil;

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _violations.Clear();
        _blockedUntil.Clear();
    }
}
