using Tss.Mde.Protocol;
using Tss.Mde.Sync;
using Tss.Protocol.Reactions;

namespace Tss.Mde.Cursors;

/// <summary>
/// NT 2014.002 as pure rules over a cursor (state, answer, now → new state): when a distNSU may be sent, when an
/// on-demand query may be sent, what an answer does to the cursor and when the next pass is due. Every wait is SEFAZ's
/// hour plus a margin; the hour may be shortened by configuration (tests) except in produção (tpAmb 1).
/// </summary>
public sealed class ConsumptionPolicy(TimeSpan margin, int maxQueriesPerHour, TimeSpan? hour = null)
{
    /// <summary>SEFAZ's wait after 137, after ultNSU == maxNSU and after 656.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Wait before the next pass after one that met another holder of the cursor (a query, a copy).</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromMinutes(1);

    /// <summary>Wait before the next pass after one stopped by a transport failure.</summary>
    public static readonly TimeSpan InterruptedRetry = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _hour = hour ?? Hour;

    /// <summary>The hour applied to a cursor of <paramref name="tpAmb"/>: the configured one in homologação, never less than
    /// one hour in produção (tpAmb 1).</summary>
    public TimeSpan HourFor(int tpAmb) => tpAmb == 1 && _hour < Hour ? Hour : _hour;

    /// <summary>
    /// When the pass after one that ended with <paramref name="status"/> is due: at once after a budget-limited pass, a
    /// short retry after busy or interrupted, otherwise one <paramref name="interval"/> from now — and never before the
    /// cursor's blocks end. A pass stopped by a 656 or with a backlog left (ultNSU &lt; maxNSU) resumes as soon as the
    /// block ends.
    /// </summary>
    public static DateTimeOffset NextPassDue(SyncStatus status, MdeCursor cursor, DateTimeOffset now, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var next = status switch
        {
            SyncStatus.BudgetExhausted => now,
            SyncStatus.Completed or SyncStatus.Blocked when (cursor.LastCStat is { } last && CStatTables.DistribuicaoDFe.React(last) == CStatReaction.BlockOneHour) || cursor.UltNsu < cursor.MaxNsu => now,
            SyncStatus.Busy => now + BusyRetry,
            SyncStatus.Interrupted => now + InterruptedRetry,
            _ => now + interval,
        };
        return SyncRefusedUntil(cursor, now) is { } until && until > next ? until : next;
    }

    /// <summary>Null when a distNSU may be sent now, otherwise the instant it may.</summary>
    public static DateTimeOffset? SyncRefusedUntil(MdeCursor cursor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var until = Later(cursor.BlockedUntil, cursor.SyncBlockedUntil);
        return until > now ? until : null;
    }

    /// <summary>Null when an on-demand query may be sent now, otherwise the instant it may.</summary>
    public DateTimeOffset? QueryRefusedUntil(MdeCursor cursor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.BlockedUntil > now)
        {
            return cursor.BlockedUntil;
        }
        var windowEnd = cursor.QueryWindowStart + HourFor(cursor.tpAmb) + margin;
        return windowEnd > now && cursor.QueryCount >= maxQueriesPerHour ? windowEnd : null;
    }

    /// <summary>Counts one on-demand query (a new window starts with the first query after the previous one ended).
    /// Returns false, changing nothing, when it is refused.</summary>
    public bool TryReserveQuery(MdeCursor cursor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (QueryRefusedUntil(cursor, now) is not null)
        {
            return false;
        }
        if (cursor.QueryWindowStart is not { } start || now >= start + HourFor(cursor.tpAmb) + margin)
        {
            cursor.QueryWindowStart = now;
            cursor.QueryCount = 0;
        }
        cursor.QueryCount++;
        return true;
    }

    /// <summary>
    /// Gives back a query reserved by <see cref="TryReserveQuery"/> whose request provably never reached SEFAZ (connection
    /// or TLS handshake refused, nothing written). Only inside the window it was reserved in (<paramref name="window"/>,
    /// the cursor's <see cref="MdeCursor.QueryWindowStart"/> right after the reservation): a later window never held it.
    /// Returns false, changing nothing, when there is nothing to give back.
    /// </summary>
    public static bool RefundQuery(MdeCursor cursor, DateTimeOffset? window)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (window is null || cursor.QueryWindowStart != window || cursor.QueryCount <= 0)
        {
            return false;
        }
        cursor.QueryCount--;
        return true;
    }

    /// <summary>
    /// Applies a distNSU answer. 138: ultNSU/maxNSU as returned, and the hour's wait once ultNSU reaches maxNSU. 137: the
    /// hour's wait. 656: everything blocked for the hour from now (SEFAZ's ultNSU, when given, is the one to resume from).
    /// Any other status: the hour's wait as well (do not insist on a rejected request).
    /// Returns true while the sync should continue.
    /// </summary>
    public bool ApplyDistNsu(MdeCursor cursor, RetDistDFeInt answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(answer);
        cursor.LastCStat = answer.cStat;
        cursor.LastXMotivo = answer.xMotivo.Length > 255 ? answer.xMotivo[..255] : answer.xMotivo;
        cursor.LastSyncAt = now;
        switch (CStatTables.DistribuicaoDFe.React(answer.cStat))
        {
            case CStatReaction.Documents:
                cursor.UltNsu = answer.UltNsu;
                cursor.MaxNsu = answer.MaxNsu;
                if (answer.UltNsu >= answer.MaxNsu || answer.Documents.Count == 0)
                {
                    cursor.SyncBlockedUntil = now + HourFor(cursor.tpAmb) + margin;
                    return false;
                }
                return true;
            case CStatReaction.NoDocuments:
                cursor.UltNsu = Math.Max(answer.UltNsu, cursor.UltNsu);
                cursor.MaxNsu = Math.Max(answer.MaxNsu, cursor.UltNsu);
                cursor.SyncBlockedUntil = now + HourFor(cursor.tpAmb) + margin;
                return false;
            case CStatReaction.BlockOneHour:
                if (answer.UltNsu > 0)
                {
                    cursor.UltNsu = answer.UltNsu;
                }
                cursor.BlockedUntil = now + HourFor(cursor.tpAmb) + margin;
                return false;
            default:
                cursor.SyncBlockedUntil = now + HourFor(cursor.tpAmb) + margin;
                return false;
        }
    }

    /// <summary>Applies an on-demand answer: only a 656 changes the cursor (the whole CNPJ is blocked for the hour).</summary>
    public void ApplyQuery(MdeCursor cursor, int cStat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (CStatTables.DistribuicaoDFe.React(cStat) == CStatReaction.BlockOneHour)
        {
            cursor.BlockedUntil = now + HourFor(cursor.tpAmb) + margin;
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
