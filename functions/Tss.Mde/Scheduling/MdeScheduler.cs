using Microsoft.Extensions.Options;
using Tss.Mde.Cursors;
using Tss.Mde.Sync;
using Tss.Runtime.Timers;

namespace Tss.Mde.Scheduling;

/// <summary>
/// The periodic sync as a chain of durable timers per cursor (no hosted loop: an idle replica can scale to zero).
/// The cursor's NextRunAt names the live timer; an older timer that surfaces is superseded and dropped, so duplicate
/// chains (at-least-once delivery, a sync asked through the API) collapse into one.
/// </summary>
public sealed class MdeScheduler(CursorStore cursors, IDurableTimers timers, IOptions<MdeOptions> options, TimeProvider time)
{
    private readonly MdeOptions _o = options.Value;

    /// <summary>Schedules the cursor's next run at <paramref name="dueAt"/> (never inside a block).</summary>
    public async Task<DateTimeOffset> ScheduleAsync(MdeCursor cursor, DateTimeOffset dueAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var due = Later(dueAt, ConsumptionPolicy.SyncRefusedUntil(cursor, time.GetUtcNow()));
        await cursors.UpdateAsync(cursor, c =>
        {
            c.NextRunAt = due;
            return true;
        }, ct).ConfigureAwait(false);
        await timers.ScheduleAsync(_o.TimerQueue, new MdeTimerMessage(cursor.TenantId, cursor.Cnpj, cursor.Model, due), due, ct).ConfigureAwait(false);
        return due;
    }

    /// <summary>When the run after <paramref name="result"/> is due: at once after a budget-limited run, otherwise one
    /// interval from now, and never before a block ends.</summary>
    public DateTimeOffset NextAfter(SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        var next = result.Status switch
        {
            SyncStatus.BudgetExhausted => now,
            SyncStatus.Busy or SyncStatus.Interrupted => now + TimeSpan.FromMinutes(5),
            _ => now + _o.SyncInterval,
        };
        return Later(next, ConsumptionPolicy.SyncRefusedUntil(result.Cursor, now));
    }

    /// <summary>True when a timer is the cursor's live one (not superseded by a later schedule).</summary>
    public static bool IsCurrent(MdeCursor cursor, MdeTimerMessage timer)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(timer);
        return cursor.NextRunAt is not { } next || timer.DueAt >= next - TimeSpan.FromSeconds(1);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
