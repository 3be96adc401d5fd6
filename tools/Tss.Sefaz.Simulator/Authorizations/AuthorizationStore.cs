namespace Tss.Sefaz.Simulator.Authorizations;

/// <summary>
/// The base of authorized documents, shared by every service (authorization, consultation, events, inutilização and,
/// later, DistDFe): authorizations, their registered events and the voided number ranges, under one lock so that an
/// authorization and an inutilização of the same number cannot both succeed. Thread-safe.
/// </summary>
public sealed partial class AuthorizationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuthorizationRecord> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuthorizationRecord> _byNumbering = new(StringComparer.Ordinal);

    /// <summary>The authorization of a key, or null.</summary>
    public AuthorizationRecord? Find(string chNFe)
    {
        lock (_gate)
        {
            return _byKey.GetValueOrDefault(chNFe);
        }
    }

    /// <summary>The authorization holding a numbering (cUF, emitter, mod, serie, nNF), or null.</summary>
    public AuthorizationRecord? FindByNumbering(string numbering)
    {
        lock (_gate)
        {
            return _byNumbering.GetValueOrDefault(numbering);
        }
    }

    /// <summary>
    /// Records an authorization unless the key or its numbering is already authorized; then returns false and the
    /// existing record in <paramref name="existing"/>.
    /// </summary>
    public bool TryAdd(AuthorizationRecord record, out AuthorizationRecord? existing) => Admit(record, out existing) == Admission.Added;

    /// <summary>
    /// Records an authorization unless the key or its numbering is already authorized (<see cref="Admission.Duplicate"/>,
    /// the existing record in <paramref name="existing"/>) or the number lies in a voided range (<see cref="Admission.Voided"/>).
    /// </summary>
    public Admission Admit(AuthorizationRecord record, out AuthorizationRecord? existing)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            existing = _byKey.GetValueOrDefault(record.chNFe) ?? _byNumbering.GetValueOrDefault(record.Numbering);
            if (existing is not null)
            {
                return Admission.Duplicate;
            }

            if (VoidedRangeHolding(record.Numbering) is not null)
            {
                return Admission.Voided;
            }

            _byKey.Add(record.chNFe, record);
            _byNumbering.Add(record.Numbering, record);
            return Admission.Added;
        }
    }

    /// <summary>A snapshot of every authorization, oldest first.</summary>
    public IReadOnlyList<AuthorizationRecord> All()
    {
        lock (_gate)
        {
            return [.. _byKey.Values.OrderBy(r => r.nProt, StringComparer.Ordinal)];
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byKey.Clear();
            _byNumbering.Clear();
            _events.Clear();
            _voided.Clear();
        }
    }
}
