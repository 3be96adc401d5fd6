namespace Tss.Pipeline.Distribution;

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>The last attempt failed; another one is scheduled (<see cref="DeliveryEntry.NextAttemptAt"/>).</summary>
    Retrying,
    /// <summary>The target accepted it (webhook 2xx, SMTP server accepted the message).</summary>
    Succeeded,
    /// <summary>Failed permanently, or every attempt of the schedule failed; the documents stay available for polling.</summary>
    GivenUp,
}
