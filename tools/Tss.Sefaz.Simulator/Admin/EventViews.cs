using Tss.Sefaz.Simulator.Authorizations;

namespace Tss.Sefaz.Simulator.Admin;

/// <summary>One registered event for GET /admin/events/{chNFe} (the procEventoNFe is left out; consSitNFe returns it).</summary>
public sealed record EventView(string chNFe, string tpEvento, int nSeqEvento, string nProt, DateTimeOffset dhRegEvento)
{
    public static EventView From(EventRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.chNFe, r.tpEvento, r.nSeqEvento, r.nProt, r.dhRegEvento);
    }
}
