namespace Tss.Pipeline.Messages;

/// <summary>Deliver the final outcome of these documents (webhook, e-mail).</summary>
/// <param name="Keys">chNFe of the documents, or, when <paramref name="Kind"/> is <see cref="EventKind"/>, row keys of
/// registered events (see <c>Tss.Pipeline.Events.EventRecord</c>).</param>
/// <param name="Kind">null for document outcomes (lots), <see cref="EventKind"/> for events.</param>
public sealed record DistributeMessage(string Partition, IReadOnlyList<string> Keys, string? Kind = null)
{
    /// <summary>The message lists registered events (cancelamento, CC-e) instead of documents.</summary>
    public const string EventKind = "event";
}
