using System.Globalization;

namespace Tss.Sefaz.Simulator.Faults;

/// <summary>The faults currently switched on. Thread-safe; counted faults disappear when used up.</summary>
public sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<FaultSpec> _faults = [];
    private long _nextId;

    /// <summary>Adds a fault and returns it with its id.</summary>
    public FaultSpec Add(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            var added = fault with { Id = (++_nextId).ToString(CultureInfo.InvariantCulture) };
            _faults.Add(added);
            return added;
        }
    }

    /// <summary>A snapshot of the active faults.</summary>
    public IReadOnlyList<FaultSpec> List()
    {
        lock (_gate)
        {
            return [.. _faults];
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Removes one fault by id.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _faults.RemoveAll(f => f.Id == id) > 0;
        }
    }

    /// <summary>
    /// Request-level faults (latency, timeout, HTTP error, malformed) for this phase, each consuming one application.
    /// Latencies come first; at most one answer-replacing fault is returned, last.
    /// </summary>
    public IReadOnlyList<FaultSpec> TakeRequestFaults(string wsdlService, string payloadRoot, FaultPhase phase)
    {
        lock (_gate)
        {
            var taken = new List<FaultSpec>();
            FaultSpec? terminal = null;
            foreach (var fault in _faults.ToArray())
            {
                if (fault.Phase != phase || !fault.Matches(wsdlService, payloadRoot)
                    || fault.Kind is FaultKind.Paralysis or FaultKind.Rejection)
                {
                    continue;
                }

                if (fault.Kind == FaultKind.Latency)
                {
                    taken.Add(Consume(fault));
                }
                else if (terminal is null)
                {
                    terminal = Consume(fault);
                }
            }

            if (terminal is not null)
            {
                taken.Add(terminal);
            }

            return taken;
        }
    }

    /// <summary>The active 108/109 window for this service and UF, if any (consumes one application when counted).</summary>
    public FaultSpec? TakeParalysis(string wsdlService, string payloadRoot, int cUF)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Kind == FaultKind.Paralysis && f.Matches(wsdlService, payloadRoot)
                && (f.cUF is null || f.cUF == cUF));
            return fault is null ? null : Consume(fault);
        }
    }

    /// <summary>A forced rejection for the document being processed, if any (consumes one application).</summary>
    public FaultSpec? TakeRejection(string chNFe)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Kind == FaultKind.Rejection && f.chNFe == chNFe)
                ?? _faults.FirstOrDefault(f => f.Kind == FaultKind.Rejection && f.chNFe is null);
            return fault is null ? null : Consume(fault);
        }
    }

    private FaultSpec Consume(FaultSpec fault)
    {
        if (fault.Count is { } count)
        {
            var index = _faults.IndexOf(fault);
            if (count <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = fault with { Count = count - 1 };
            }
        }

        return fault;
    }
}
