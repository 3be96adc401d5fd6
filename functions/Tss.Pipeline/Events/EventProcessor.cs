using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Entities;
using Tss.Pipeline.Lots;
using Tss.Protocol.Messages;
using Tss.Protocol.Signing;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Events;

/// <summary>
/// The events stage for one documents partition (an entity's month): reconciles batches interrupted mid-send, cuts
/// the due events into batches of up to 20 (oldest first, one in flight per document so sequences stay in order),
/// signs each infEvento with the entity's certificate, writes the claim (signed XML, Sending) before sending
/// (write-ahead), sends one envEvento through NFeRecepcaoEvento4 and records every answer: procEventoNFe blob
/// (schema-checked), document (events list; Cancelled on a registered cancellation), event row, then distribution.
/// An unknown outcome (timeout, 5xx after sending, crash) is reconciled through NFeConsultaProtocolo, whose answer
/// lists the registered events; a resend answered 573 (duplicate) is mapped to the registered event the same way.
/// </summary>
public sealed partial class EventProcessor(
    TableServiceClient tables,
    BlobServiceClient blobs,
    SefazClient sefaz,
    IEntityDirectory entities,
    EventsQueue queue,
    Tss.Runtime.Queues.IQueueSender sender,
    IOptions<PipelineOptions> options,
    IOptions<EventsOptions> eventOptions,
    TimeProvider time,
    ILogger<EventProcessor> logger)
{
    /// <summary>Resends of one event after reconciliation found nothing, before it is given up as rejected.</summary>
    private const int MaxSendAttempts = 5;

    private readonly PipelineOptions _o = options.Value;
    private readonly EventsOptions _e = eventOptions.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    public async Task HandleAsync(EventMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var open = await OpenEventsAsync(message.Partition, ct).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var entity = await entities.FindAsync(open[0].TenantId, open[0].Cnpj, ct).ConfigureAwait(false);
        if (entity is null)
        {
            LogNoEntity(logger, open[0].TenantId, open[0].Cnpj, open.Count);
            return;
        }
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        var target = new SefazTarget(open[0].Uf, open[0].mod, open[0].tpAmb);

        // Answered but not yet handed to distribution (a crash between the two writes).
        await DistributeAsync(message.Partition, [.. open.Where(e => e.StatusValue is EventStatus.Registered or EventStatus.Rejected)], ct).ConfigureAwait(false);

        var interrupted = open.Where(e => e.StatusValue == EventStatus.Sending && IsStale(e, now)).ToList();
        if (interrupted.Count > 0)
        {
            LogReconciling(logger, message.Partition, interrupted.Count);
            await RecordAsync(message.Partition, await ReconcileAsync(interrupted, target, cert, now, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }

        var busy = open.Where(e => e.StatusValue == EventStatus.Sending).Select(e => e.chNFe).ToHashSet(StringComparer.Ordinal);
        var due = open.Where(e => e.StatusValue == EventStatus.Pending && (e.NextAttemptAt is null || e.NextAttemptAt <= now) && !busy.Contains(e.chNFe))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.RowKey, StringComparer.Ordinal)
            .GroupBy(e => e.chNFe, StringComparer.Ordinal).Select(g => g.First()) // one event per document per batch: sequences stay ordered
            .Take(_e.MaxPerBatch).ToList();
        if (due.Count > 0)
        {
            await SendBatchAsync(message.Partition, due, target, cert, ct).ConfigureAwait(false);
        }
        await FollowUpAsync(message.Partition, ct).ConfigureAwait(false);
    }

    private async Task SendBatchAsync(string partition, List<EventRecord> due, SefazTarget target, X509Certificate2 cert, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        using var signer = new XmlDsigSigner(cert);
        var batchId = $"{now.UtcDateTime:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..26];
        var answers = new List<EventAnswer>();
        var batch = new List<EventRecord>();
        foreach (var e in due)
        {
            try
            {
                e.SignedXml = signer.Sign(EventMessages.Build(e, now), "infEvento");
            }
            catch (MessageInputException x)
            {
                answers.Add(EventAnswer.Rejected(e, null, $"Evento inválido: {x.Message}", null));
                continue;
            }
            e.Status = nameof(EventStatus.Sending);
            e.BatchId = batchId;
            e.SentAt = now;
            e.NextAttemptAt = null;
            e.SendAttempts++;
            e.UpdatedAt = now;
            batch.Add(e);
        }
        if (batch.Count > 0)
        {
            if (!await ClaimAsync(batch, ct).ConfigureAwait(false))
            {
                LogClaimLost(logger, partition);
                return;
            }
            answers.AddRange(await SendAsync(batch, target, cert, now, ct).ConfigureAwait(false));
        }
        await RecordAsync(partition, answers, ct).ConfigureAwait(false);
    }

    /// <summary>Write-ahead: the claim (Sending + signed XML) of every event of the batch, atomically, before anything is sent.</summary>
    private async Task<bool> ClaimAsync(List<EventRecord> batch, CancellationToken ct)
    {
        try
        {
            var response = await Documents.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)), ct).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].ETag = response.Value[i].Headers.ETag ?? batch[i].ETag;
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // another instance claimed one of them first; it sends them
        }
    }

    private async Task<IReadOnlyList<EventAnswer>> SendAsync(List<EventRecord> batch, SefazTarget target, X509Certificate2 cert, DateTimeOffset now, CancellationToken ct)
    {
        var envEvento = NfeRequests.EnvEvento(now.ToUnixTimeMilliseconds() % 1_000_000_000_000_000, batch.Select(e => e.SignedXml!));
        RetEnvEvento answer;
        try
        {
            answer = await sefaz.RecepcaoEventoAsync(target, cert, batch[0].tpEvento, envEvento, ct).ConfigureAwait(false);
        }
        catch (SefazException x) when (x.OutcomeUnknown)
        {
            LogOutcomeUnknown(logger, batch[0].PartitionKey, x.Code.ToString());
            return await ReconcileAsync(batch, target, cert, time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (SefazException x)
        {
            LogSendFailed(logger, batch[0].PartitionKey, x.Code.ToString());
            return [.. batch.Select(e => EventAnswer.Retry(e, now + _e.RetryDelay))];
        }

        if (answer.cStat != 128)
        {
            return CStatReactions.IsRetryableLotStatus(answer.cStat)
                ? [.. batch.Select(e => EventAnswer.Retry(e, now + _e.RetryDelay))]
                : [.. batch.Select(e => EventAnswer.Rejected(e, answer.cStat, answer.xMotivo, null))];
        }
        var results = new List<EventAnswer>();
        var duplicates = new List<EventRecord>();
        foreach (var e in batch)
        {
            var ret = answer.retEvento.FirstOrDefault(r => r.chNFe == e.chNFe && r.tpEvento == e.tpEvento && r.nSeqEvento == e.nSeqEvento)
                ?? (batch.Count == 1 && answer.retEvento.Count == 1 ? answer.retEvento[0] : null);
            if (ret is null)
            {
                results.Add(EventAnswer.Retry(e, now + _e.RetryDelay));
            }
            else if (ret.IsRegistered)
            {
                results.Add(EventAnswer.Registered(e, ret, NfeProcs.ProcEventoNFe(e.SignedXml!, ret.Xml)));
            }
            else if (ret.cStat == 573)
            {
                duplicates.Add(e); // already registered (an earlier send whose answer was lost): fetch it
            }
            else
            {
                results.Add(EventAnswer.Rejected(e, ret.cStat, ret.xMotivo, ret.dhRegEvento));
            }
        }
        if (duplicates.Count > 0)
        {
            results.AddRange(await ReconcileAsync(duplicates, target, cert, time.GetUtcNow(), ct).ConfigureAwait(false));
        }
        return results;
    }

    private bool IsStale(EventRecord e, DateTimeOffset now) =>
        e.SentAt is not { } sent || (now - sent >= _e.SendLease && (e.NextAttemptAt is null || e.NextAttemptAt <= now));

    /// <summary>Pending, in-flight, and answered-but-not-distributed events of the partition (one row-key range with a filter).</summary>
    private async Task<List<EventRecord>> OpenEventsAsync(string partition, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {EventRecord.RowPrefix} and RowKey lt {"evt}"} and (Status eq {nameof(EventStatus.Pending)} or Status eq {nameof(EventStatus.Sending)} or Distributed eq {false})");
        var list = new List<EventRecord>();
        await foreach (var e in Documents.QueryAsync<EventRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(e);
        }
        return list;
    }

    /// <summary>Another look at the partition when work is left: now for due events, later for retries and live sends.</summary>
    private async Task FollowUpAsync(string partition, CancellationToken ct)
    {
        var open = await OpenEventsAsync(partition, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var sending = open.Where(e => e.StatusValue == EventStatus.Sending).GroupBy(e => e.chNFe, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(SendingDue), StringComparer.Ordinal);
        var next = open.Select(e => e.StatusValue switch
        {
            // A pending event waits for its own retry time and for the document's event in flight.
            EventStatus.Pending => Max(e.NextAttemptAt ?? now, sending.GetValueOrDefault(e.chNFe, now)),
            EventStatus.Sending => SendingDue(e),
            _ => now,
        }).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (next == DateTimeOffset.MaxValue)
        {
            return;
        }
        if (next <= now)
        {
            await queue.SendAsync(partition, ct).ConfigureAwait(false);
        }
        else
        {
            await queue.ScheduleAsync(partition, next, ct).ConfigureAwait(false);
        }
    }

    /// <summary>When an in-flight event is looked at again: its lease end, or its reconciliation retry if later.</summary>
    private DateTimeOffset SendingDue(EventRecord e)
    {
        var lease = (e.SentAt ?? DateTimeOffset.MinValue) + _e.SendLease;
        return e.NextAttemptAt is { } retry && retry > lease ? retry : lease;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
