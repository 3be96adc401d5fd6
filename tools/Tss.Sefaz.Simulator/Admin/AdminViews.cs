using Tss.Sefaz.Simulator.Authorizations;

namespace Tss.Sefaz.Simulator.Admin;

/// <summary>One authorized key for GET /admin/authorizations.</summary>
public sealed record AuthorizationView(string chNFe, int cStat, string nProt, string? digVal, DateTimeOffset dhRecbto,
    string nRec, string idLote, int TimesAuthorized)
{
    public static AuthorizationView From(AuthorizationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.chNFe, r.cStat, r.nProt, r.digVal, r.dhRecbto, r.nRec, r.idLote, r.TimesAuthorized);
    }
}

/// <summary>GET /admin/clock.</summary>
public sealed record ClockView(DateTimeOffset Now, double Scale);

/// <summary>GET /admin/health.</summary>
public sealed record HealthView(string Status, int Environment, string VerAplic);
