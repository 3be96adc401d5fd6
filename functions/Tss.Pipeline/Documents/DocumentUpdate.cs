using Azure.Data.Tables;
using Tss.Contracts.Documents;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Documents;

/// <summary>
/// The typed merge updates of a document row: every status write goes through here, with the status taken from
/// <see cref="DocumentLifecycle"/>, so the row's property names live in one place instead of string keys over the stages.
/// </summary>
public static class DocumentUpdate
{
    /// <summary>The document is in <paramref name="lotId"/> (informational: the lot's claim is the marker deletion).</summary>
    public static TableEntity InLot(string partition, AccessKey key, string lotId, DateTimeOffset now) => new(partition, key.Value)
    {
        [nameof(DocumentRecord.Status)] = nameof(DocumentStatus.InLot),
        [nameof(DocumentRecord.LotId)] = lotId,
        [nameof(DocumentRecord.UpdatedAt)] = now,
    };

    /// <summary>The document waits for credits.</summary>
    public static TableEntity AwaitingCredits(string partition, AccessKey key, DateTimeOffset now) => new(partition, key.Value)
    {
        [nameof(DocumentRecord.Status)] = nameof(DocumentStatus.AwaitingCredits),
        [nameof(DocumentRecord.UpdatedAt)] = now,
    };

    /// <summary>
    /// A lot outcome for <paramref name="doc"/>: the status <see cref="DocumentLifecycle"/> gives for <paramref name="e"/>,
    /// the answer (cStat, xMotivo) when there is one, and the history with <paramref name="historyLines"/> appended.
    /// A document leaving its lot (rejected, re-queued) is released from it, so a replayed outcome of that lot leaves it alone.
    /// </summary>
    public static TableEntity Outcome(DocumentRecord doc, string lotId, DocumentEvent e, int? cStat, string? xMotivo,
        string historyLines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var status = DocumentLifecycle.Apply(doc.StatusValue, e);
        var update = new TableEntity(doc.PartitionKey, doc.RowKey)
        {
            [nameof(DocumentRecord.Status)] = status.ToString(),
            [nameof(DocumentRecord.History)] = doc.History + historyLines,
            [nameof(DocumentRecord.UpdatedAt)] = now,
        };
        if (cStat is not null)
        {
            update[nameof(DocumentRecord.cStat)] = cStat;
            update[nameof(DocumentRecord.xMotivo)] = xMotivo;
        }
        if (e is DocumentEvent.Rejected or DocumentEvent.Requeued)
        {
            update[nameof(DocumentRecord.LotId)] = "";
            update[nameof(DocumentRecord.ReleasedFrom)] = lotId;
        }
        return update;
    }

    /// <summary>The authorization protocol of the document: where its procNFe blob is, nProt and dhRecbto.</summary>
    public static void SetProtocol(TableEntity update, string procBlob, string? nProt, DateTimeOffset? dhRecbto)
    {
        ArgumentNullException.ThrowIfNull(update);
        update[nameof(DocumentRecord.ProcBlob)] = procBlob;
        update[nameof(DocumentRecord.nProt)] = nProt;
        update[nameof(DocumentRecord.dhRecbto)] = dhRecbto;
    }

    /// <summary>The document's answered events after an event outcome; a registered cancellation moves it to Cancelled.</summary>
    public static TableEntity Events(DocumentRecord doc, string? events, int registeredCount, bool cancellationRegistered, string history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var status = cancellationRegistered ? DocumentLifecycle.Apply(doc.StatusValue, DocumentEvent.CancellationRegistered) : doc.StatusValue;
        return new TableEntity(doc.PartitionKey, doc.RowKey)
        {
            [nameof(DocumentRecord.Events)] = events,
            [nameof(DocumentRecord.EventCount)] = registeredCount,
            [nameof(DocumentRecord.Status)] = status.ToString(),
            [nameof(DocumentRecord.History)] = history,
            [nameof(DocumentRecord.UpdatedAt)] = now,
        };
    }

    /// <summary>The document needs attention (its lot is stuck), or no longer does (<paramref name="text"/> empty).</summary>
    public static TableEntity Attention(string partition, AccessKey key, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var update = new TableEntity(partition, key.Value) { [nameof(DocumentRecord.Attention)] = text };
        if (text.Length > 0)
        {
            update[nameof(DocumentRecord.AttentionSince)] = now;
        }
        return update;
    }
}
