namespace Tss.Mde.Sharing;

/// <summary>
/// A company's MD-e sharing as one tenant (or an operator) may read it: the caller's own access and, for a holder of the
/// history or an operator, every other tenant holding the CNPJ and every decision.
/// </summary>
public sealed record MdeSharingView(string Cnpj, int tpAmb, string? FounderTenantId, string? History, IReadOnlyList<MdeSharingRequest> Tenants,
    IReadOnlyList<MdeSharingDecisionView> Decisions);

/// <summary>A tenant holding the CNPJ: its access to the history, since when it shares the cursor, the latest decision.</summary>
public sealed record MdeSharingRequest(string TenantId, string History, DateTimeOffset JoinedAt, long? FromNsu, string? DecidedBy, DateTimeOffset? DecidedAt,
    DateTimeOffset? HistoryCopiedAt, int HistoryCopied)
{
    public static MdeSharingRequest From(MdeMember m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.TenantId, m.History, m.JoinedAt, m.FromNsu, m.DecidedBy, m.DecidedAt, m.HistoryCopiedAt, m.HistoryCopied);
    }
}

/// <summary>One recorded decision: about which tenant, granted or denied, by whom, when.</summary>
public sealed record MdeSharingDecisionView(string TenantId, string Decision, string By, DateTimeOffset At)
{
    public static MdeSharingDecisionView From(MdeSharingDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.TenantId, d.Decision, d.By, d.At);
    }
}
