namespace Tss.Mde.Cursors;

/// <summary>
/// The "in flight" marker of a cursor as pure rules: one holder at a time sends requests to SEFAZ for the CNPJ (the
/// orchestration's pass, an on-demand query, a history copy). Claimed and released by compare-and-swap on the cursor
/// row (<see cref="CursorStore"/>); a holder that died lets go when <see cref="MdeCursor.InFlightUntil"/> passes. The
/// instants are real time: the marker protects real requests whatever the service clock's scale.
/// </summary>
public static class InFlight
{
    /// <summary>True when <paramref name="owner"/> may take the marker now (free, expired, or already its own).</summary>
    public static bool IsFreeFor(MdeCursor cursor, string owner, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return cursor.InFlightOwner is not { Length: > 0 } held || held == owner || cursor.InFlightUntil is not { } until || until <= realNow;
    }

    /// <summary>Takes (or renews) the marker for <paramref name="owner"/>; false, changing nothing, when someone else holds it.</summary>
    public static bool TryClaim(MdeCursor cursor, string owner, DateTimeOffset realNow, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (!IsFreeFor(cursor, owner, realNow))
        {
            return false;
        }
        cursor.InFlightOwner = owner;
        cursor.InFlightUntil = realNow + ttl;
        return true;
    }

    /// <summary>True while <paramref name="owner"/> holds the marker (not expired).</summary>
    public static bool IsHeldBy(MdeCursor cursor, string owner, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return cursor.InFlightOwner == owner && cursor.InFlightUntil > realNow;
    }

    /// <summary>Lets go of the marker; false, changing nothing, when <paramref name="owner"/> does not hold it.</summary>
    public static bool Release(MdeCursor cursor, string owner)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.InFlightOwner != owner)
        {
            return false;
        }
        cursor.InFlightOwner = null;
        cursor.InFlightUntil = null;
        return true;
    }
}
