namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>
/// Which normal authorizers are down (per UF, optionally per model) and which SVCs are active for which UF, on the
/// simulator clock. Thread-safe. Taking a UF down activates its SVC unless asked not to; bringing it back starts the
/// SVC's wind-down (113, then 114 after <see cref="SimulatorOptions.SvcWindDown"/>).
/// </summary>
public sealed class AuthorizerBoard(TimeProvider time, SimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly List<Outage> _outages = [];
    private readonly Dictionary<(string Svc, int cUF), SvcActivation> _svc = [];

    /// <summary>Takes the UF's normal authorizer down (replacing an outage of the same model).</summary>
    public Outage TakeDown(int cUF, string uf, OutageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = time.GetUtcNow();
        var outage = new Outage(uf, cUF, spec.Model, spec.cStat, now);
        lock (_gate)
        {
            _outages.RemoveAll(o => o.cUF == cUF && o.Model == spec.Model);
            _outages.Add(outage);
            if (spec.ActivateSvc && spec.Model is null or 55 && SvcMap.For(cUF) is { } svc)
            {
                _svc[(svc, cUF)] = new SvcActivation(svc, uf, cUF, now);
            }
        }

        return outage;
    }

    /// <summary>Brings the UF back (one model, or all when null); its SVC winds down. False when it was not down.</summary>
    public bool BringBack(int cUF, int? model)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var removed = _outages.RemoveAll(o => o.cUF == cUF && (model is null || o.Model == model)) > 0;
            if (removed && !_outages.Any(o => o.cUF == cUF && o.Model is null or 55))
            {
                foreach (var key in _svc.Keys.Where(k => k.cUF == cUF).ToList())
                {
                    _svc[key] = _svc[key] with { Until = now + options.SvcWindDown };
                }
            }

            return removed;
        }
    }

    /// <summary>Switches an SVC on for a UF by hand (no outage needed).</summary>
    public SvcActivation Activate(string svc, int cUF, string uf)
    {
        var activation = new SvcActivation(svc, uf, cUF, time.GetUtcNow());
        lock (_gate)
        {
            _svc[(svc, cUF)] = activation;
        }

        return activation;
    }

    /// <summary>Switches an SVC off for a UF at once (114 from now on).</summary>
    public bool Deactivate(string svc, int cUF)
    {
        lock (_gate)
        {
            return _svc.Remove((svc, cUF));
        }
    }

    /// <summary>The outage hitting a request for this UF and model, if any.</summary>
    public Outage? OutageFor(int cUF, int? model)
    {
        lock (_gate)
        {
            return _outages.FirstOrDefault(o => o.Covers(cUF, model));
        }
    }

    /// <summary>107 when the SVC serves the UF, 113 while it winds down, 114 when it does not serve it.</summary>
    public int SvcStatus(string svc, int cUF)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_svc.TryGetValue((svc, cUF), out var activation) || activation.Until <= now)
            {
                return 114;
            }

            return activation.Until is null ? 107 : 113;
        }
    }

    /// <summary>A snapshot for the admin API (expired activations left out).</summary>
    public AuthorizersView View()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return new AuthorizersView(now, [.. _outages], [.. _svc.Values.Where(a => a.Until is null || a.Until > now)]);
        }
    }

    /// <summary>Every authorizer up, every SVC off.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _outages.Clear();
            _svc.Clear();
        }
    }
}
