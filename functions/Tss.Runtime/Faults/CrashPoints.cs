namespace Tss.Runtime.Faults;

/// <summary>
/// The names of every <see cref="CrashPoint"/> in the product, in one place (the crash tests and <c>./tss chaos</c>
/// arm them through <c>TSS_CRASH_AT</c>). Each sits where a crash is hardest to recover from.
/// </summary>
public static class CrashPoints
{
    /// <summary>Inside the send, after SEFAZ processed the lot and answered, before the answer is recorded.</summary>
    public const string AfterSefazSend = "lot.after-sefaz-send";

    /// <summary>During outcome writing: after the first entity-group transaction of outcomes, before the rest and
    /// before re-assembly and distribution are queued.</summary>
    public const string BetweenOutcomes = "outcome.between-documents";

    /// <summary>During delivery: after the webhook POST was answered, before the delivery log records the attempt.</summary>
    public const string AfterWebhookPost = "delivery.after-webhook-post";

    /// <summary>Inside an event batch's send, after SEFAZ registered the events and answered, before the answer is recorded.</summary>
    public const string AfterSefazEventSend = "event.after-sefaz-send";

    /// <summary>During an MD-e pass: after the documents of a distNSU answer are stored, before the cursor moves past them.</summary>
    public const string MdeAfterDocumentsStored = "mde.after-documents-stored";

    /// <summary>Every name above (the chaos command checks <c>--crash-at</c> against it).</summary>
    public static IReadOnlyList<string> All { get; } = [AfterSefazSend, BetweenOutcomes, AfterWebhookPost, AfterSefazEventSend, MdeAfterDocumentsStored];
}
