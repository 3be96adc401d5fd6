namespace Tss.Pipeline.Distribution.Internal;

/// <summary>A delivery's log rows after one pass of the distributor (attempts made, or nothing due).</summary>
internal sealed record DeliveryPass(string DeliveryId, IReadOnlyList<string> Keys, IReadOnlyList<DeliveryRecord> Rows)
{
    /// <summary>
    /// Where the rows of <paramref name="channel"/> stand together: retrying while any row retries (next attempt at the
    /// earliest due time), otherwise given up if any row was, otherwise succeeded. A channel without rows has nothing
    /// left to deliver: given up.
    /// </summary>
    public DeliveryStep StepOf(DeliveryChannel channel, DateTimeOffset now)
    {
        var rows = Rows.Where(r => r.Channel == channel.ToString()).ToList();
        var attempt = rows.Select(r => r.AttemptCount).DefaultIfEmpty(0).Max();
        var retrying = rows.Where(r => r.StateValue == DeliveryState.Retrying).ToList();
        if (retrying.Count > 0)
        {
            return new DeliveryStep(DeliveryState.Retrying, attempt, retrying.Min(r => r.NextAttemptAt ?? now));
        }
        return DeliveryStep.Finished(rows.Count > 0 && rows.All(r => r.StateValue == DeliveryState.Succeeded) ? DeliveryState.Succeeded : DeliveryState.GivenUp, attempt);
    }
}
