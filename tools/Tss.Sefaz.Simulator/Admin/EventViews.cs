using Tss.Sefaz.Simulator.Authorizations;

namespace Tss.Sefaz.Simulator.Admin;

/// <summary>One registered event for GET /admin/events/{chNFe} (the procEventoNFe is left out; consSitNFe returns it).</summary>
/// <param name="Authorizer">Who registered it: "SVC-AN"/"SVC-RS", or the UF of the key (its own authorizer).</param>
public sealed record EventView(string chNFe, string tpEvento, int nSeqEvento, string nProt, DateTimeOffset dhRegEvento, string Authorizer)
{
    public static EventView From(EventRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.chNFe, r.tpEvento, r.nSeqEvento, r.nProt, r.dhRegEvento, r.Svc ?? UfOf(r.chNFe));
    }

    private static string UfOf(string chNFe) =>
        Tss.Protocol.Reference.UfCodes.ToUf(int.Parse(chNFe.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture)) ?? chNFe[..2];
}
