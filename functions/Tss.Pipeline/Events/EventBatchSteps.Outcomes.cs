using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;

namespace Tss.Pipeline.Events;

public sealed partial class EventBatchSteps
{
    private const int MaxDocumentAttempts = 5;

    /// <summary>
    /// Stores answers in an order that survives a crash anywhere: procEventoNFe blobs, then the documents (idempotent
    /// upserts of their event list), then the event rows (one transaction, If-Match). A crash before the event rows
    /// leaves them as they were, so the step runs again and the same writes happen again.
    /// </summary>
    private async Task WriteAsync(string partition, IReadOnlyList<EventAnswer> answers, CancellationToken ct)
    {
        if (answers.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        await Task.WhenAll(answers.OfType<EventAnswer.Done>().Select(d => StoreProcAsync(d, ct))).ConfigureAwait(false);
        foreach (var answer in answers)
        {
            Apply(answer, now);
        }
        var finals = answers.Where(a => a is EventAnswer.Done or EventAnswer.Refused).Select(a => a.Event).ToList();
        foreach (var group in finals.GroupBy(e => e.chNFe, StringComparer.Ordinal))
        {
            await UpdateDocumentAsync(partition, group.Key, [.. group], now, ct).ConfigureAwait(false);
        }
        var response = await Documents.SubmitTransactionAsync(
            answers.Select(a => new TableTransactionAction(TableTransactionActionType.UpdateReplace, a.Event, a.Event.ETag)), ct).ConfigureAwait(false);
        for (var i = 0; i < answers.Count; i++)
        {
            answers[i].Event.ETag = response.Value[i].Headers.ETag ?? answers[i].Event.ETag;
        }
        foreach (var e in finals)
        {
            Log.EventAnswered(logger, e.chNFe, e.tpEvento, e.nSeqEvento, e.Status, e.cStat);
        }
    }

    private static void Apply(EventAnswer answer, DateTimeOffset now)
    {
        var e = answer.Event;
        e.UpdatedAt = now;
        switch (answer)
        {
            case EventAnswer.Done d:
                e.Status = nameof(EventStatus.Registered);
                e.cStat = d.Ret.cStat;
                e.xMotivo = d.Ret.xMotivo;
                e.nProt = d.Ret.nProt;
                e.dhRegEvento = d.Ret.dhRegEvento;
                e.NextAttemptAt = null;
                e.Distributed = false;
                break;
            case EventAnswer.Refused r:
                e.Status = nameof(EventStatus.Rejected);
                e.cStat = r.cStat;
                e.xMotivo = r.xMotivo;
                e.dhRegEvento = r.dhRegEvento;
                e.NextAttemptAt = null;
                e.Distributed = false;
                break;
            case EventAnswer.Again:
                e.Status = nameof(EventStatus.Pending); // still in its batch: sent again by it
                e.NextAttemptAt = null;
                break;
        }
    }

    private async Task StoreProcAsync(EventAnswer.Done done, CancellationToken ct)
    {
        var e = done.Event;
        var check = NfeSchemas.Shared.Validate(done.ProcEventoNFe);
        if (!check.IsValid)
        {
            // SEFAZ's registration is a fact whatever our schema says; keep it and make the mismatch visible.
            Log.EventProcInvalid(logger, e.chNFe, e.tpEvento, e.nSeqEvento, check.Errors[0].Message);
        }
        var name = EventRecord.BlobName(e.PartitionKey, e.Key, e.tpEvento, e.nSeqEvento);
        await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(name)
            .UploadAsync(BinaryData.FromString(done.ProcEventoNFe), overwrite: true, ct).ConfigureAwait(false);
        e.ProcBlob = name;
    }

    /// <summary>Adds the answered events to the document's list; a registered cancellation makes it Cancelled. Compare-and-swap, retried.</summary>
    private async Task UpdateDocumentAsync(string partition, string chNFe, IReadOnlyList<EventRecord> events, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await Documents.GetEntityIfExistsAsync<DocumentRecord>(partition, chNFe, cancellationToken: ct).ConfigureAwait(false);
            if (!read.HasValue)
            {
                return;
            }
            var doc = read.Value!;
            var list = doc.Events;
            var history = doc.History;
            var cancelled = false;
            foreach (var e in events)
            {
                list = DocumentEventList.Upsert(list, new DocumentEventEntry(e.tpEvento, e.nSeqEvento, e.Status, e.cStat, e.nProt, e.dhRegEvento));
                cancelled |= e.tpEvento == NfeRequests.TpEventoCancelamento && e.StatusValue == EventStatus.Registered;
                if (!history.Contains($" {e.tpEvento}#{e.nSeqEvento} {e.Status} {e.cStat}\n", StringComparison.Ordinal))
                {
                    history += $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} Event {e.tpEvento}#{e.nSeqEvento} {e.Status} {e.cStat}\n";
                }
            }
            var update = DocumentUpdate.Events(doc, list, DocumentEventList.Parse(list).Count(x => x.Status == nameof(EventStatus.Registered)), cancelled,
                history.Length > 30_000 ? history[^20_000..] : history, now);
            try
            {
                await Documents.UpdateEntityAsync(update, doc.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException x) when (x.Status == 412 && attempt < MaxDocumentAttempts)
            {
                // Changed meanwhile (another event request, a replayed lot outcome): apply to the fresh row.
            }
        }
    }

    /// <summary>Hands answered events to the distribution stage, then marks them distributed (a crash in between repeats the hand-over; deliveries are idempotent by id).</summary>
    private async Task DistributeAsync(string partition, IReadOnlyList<EventRecord> finals, CancellationToken ct)
    {
        var pending = finals.Where(e => !e.Distributed).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        await sender.SendAsync(_o.DistributeQueue, new DistributeMessage(partition, [.. pending.Select(e => e.RowKey)], DeliveryType.NfeEvent), null, ct).ConfigureAwait(false);
        var marks = pending.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
            new TableEntity(partition, e.RowKey) { [nameof(EventRecord.Distributed)] = true }, ETag.All));
        await Documents.SubmitTransactionAsync(marks, ct).ConfigureAwait(false);
        foreach (var e in pending)
        {
            e.Distributed = true;
        }
    }
}
