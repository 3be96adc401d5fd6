namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>
/// The CSCs SEFAZ knows per emitter CNPJ, for the NFC-e QR code v2 hash (462 unknown id, 463 revoked, 464 wrong hash).
/// A revoked CSC stays listed as revoked; registering the same id again replaces its value and makes it active (the
/// real portal issues a new id instead; tests find re-use handy). Thread-safe.
/// </summary>
public sealed class CscRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<int, RegisteredCsc>> _byCnpj = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) a CSC of <paramref name="cnpj"/>, active.</summary>
    public void Register(string cnpj, int idCsc, string csc)
    {
        ArgumentNullException.ThrowIfNull(cnpj);
        ArgumentNullException.ThrowIfNull(csc);
        lock (_gate)
        {
            if (!_byCnpj.TryGetValue(cnpj, out var cscs))
            {
                _byCnpj[cnpj] = cscs = [];
            }

            cscs[idCsc] = new RegisteredCsc(idCsc, csc, Revoked: false);
        }
    }

    /// <summary>Marks a CSC revoked; false when <paramref name="cnpj"/> has no CSC with that id.</summary>
    public bool Revoke(string cnpj, int idCsc)
    {
        lock (_gate)
        {
            if (!_byCnpj.TryGetValue(cnpj, out var cscs) || !cscs.TryGetValue(idCsc, out var registered))
            {
                return false;
            }

            cscs[idCsc] = registered with { Revoked = true };
            return true;
        }
    }

    /// <summary>The CSC of <paramref name="cnpj"/> with this id (revoked or not), or null.</summary>
    public RegisteredCsc? Find(string cnpj, int idCsc)
    {
        lock (_gate)
        {
            return _byCnpj.TryGetValue(cnpj, out var cscs) ? cscs.GetValueOrDefault(idCsc) : null;
        }
    }

    /// <summary>The ids and states of the CSCs of <paramref name="cnpj"/>, by id (empty when none).</summary>
    public IReadOnlyList<CscView> List(string cnpj)
    {
        lock (_gate)
        {
            return _byCnpj.TryGetValue(cnpj, out var cscs)
                ? [.. cscs.Values.OrderBy(c => c.idCsc).Select(c => new CscView(c.idCsc, c.Revoked))]
                : [];
        }
    }

    /// <summary>Forgets every CSC.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byCnpj.Clear();
        }
    }
}
