using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Pipeline.Lots;
using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;
using Tss.Protocol.Signing;
using Tss.Protocol.Time;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Events;

/// <summary>
/// The steps of one event batch (cut by <see cref="EventBatchCutter"/>), each safe to run again because activities
/// are at least once: the send is write-ahead (Sending + signed XML + send number recorded with If-Match before
/// NFeRecepcaoEvento4; a run that finds its send recorded does not send, its outcome is unknown), outcome writes are
/// idempotent (only events still in that send are written), an unknown outcome is reconciled through
/// NFeConsultaProtocolo, whose answer lists the registered events, never by a blind resend. Host-agnostic: the
/// event batch orchestration's activities call these.
/// </summary>
public sealed partial class EventBatchSteps(
    TableServiceClient tables,
    BlobServiceClient blobs,
    SefazClient sefaz,
    IEntityDirectory entities,
    EventsQueue queue,
    Tss.Runtime.Queues.IQueueSender sender,
    IOptions<PipelineOptions> options,
    IOptions<EventsOptions> eventOptions,
    TimeProvider time,
    ILogger<EventBatchSteps> logger,
    Contingency.ContingencyService? contingency = null)
{
    /// <summary>Sends of one event (reconciliation found nothing each time) before it is given up as rejected.</summary>
    private const int MaxSendAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PipelineOptions _o = options.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    /// <summary>
    /// Send number <paramref name="send"/> of the batch: signs its pending events, records them Sending under this send
    /// number (one entity-group transaction, If-Match), then sends one envEvento and stores SEFAZ's answer. When an event
    /// is already in flight, an earlier run of this send got that far: nothing is sent, the outcome is unknown.
    /// </summary>
    public async Task<EventSendResult> SendAsync(string partition, string batchId, int send, CancellationToken ct)
    {
        var open = await OpenAsync(partition, batchId, ct).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return new EventSendResult(send, EventSendOutcome.Nothing);
        }
        if (open.Any(e => e.StatusValue == EventStatus.Sending))
        {
            Log.EventInterrupted(logger, batchId, send);
            return new EventSendResult(send, EventSendOutcome.Unknown);
        }
        // A batch started again after its instance ended (e.g. failed) counts on from the sends its rows recorded.
        send = Math.Max(send, open.Max(e => e.BatchSend) + 1);
        var (target, cert) = await TargetAsync(open[0], ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var invalid = new List<EventAnswer>();
        var batch = new List<EventRecord>();
        using (var signer = new XmlDsigSigner(cert))
        {
            foreach (var e in open.OrderBy(e => e.RowKey, StringComparer.Ordinal))
            {
                try
                {
                    e.SignedXml = signer.Sign(EventMessages.Build(e, now), "infEvento");
                }
                catch (MessageInputException x)
                {
                    invalid.Add(EventAnswer.Rejected(e, null, $"Evento inválido: {x.Message}", null));
                    continue;
                }
                e.Status = nameof(EventStatus.Sending);
                e.BatchSend = send;
                e.SentAt = now;
                e.NextAttemptAt = null;
                e.SendAttempts++;
                e.UpdatedAt = now;
                batch.Add(e);
            }
        }
        await WriteAsync(partition, invalid, ct).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return new EventSendResult(send, EventSendOutcome.Nothing);
        }
        try
        {
            await Documents.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)), ct).ConfigureAwait(false);
        }
        catch (RequestFailedException x) when (x.Status is 409 or 412)
        {
            Log.EventInterrupted(logger, batchId, send); // another run of this step recorded the send first: never send beside it
            return new EventSendResult(send, EventSendOutcome.Unknown);
        }

        var envEvento = NfeRequests.EnvEvento(now.ToUnixTimeMilliseconds() % 1_000_000_000_000_000, batch.Select(e => e.SignedXml!));
        RetEnvEvento answer;
        try
        {
            answer = await sefaz.RecepcaoEventoAsync(target, cert, batch[0].tpEvento, envEvento, ct).ConfigureAwait(false);
            Tss.Runtime.Faults.CrashPoint.Hit(Tss.Runtime.Faults.CrashPoints.AfterSefazEventSend);
        }
        catch (SefazException x) when (x.OutcomeUnknown)
        {
            Log.EventOutcomeUnknown(logger, batchId, x.Code.ToString());
            return new EventSendResult(send, EventSendOutcome.Unknown);
        }
        catch (SefazException x)
        {
            Log.EventSendFailed(logger, batchId, x.Code.ToString());
            return new EventSendResult(send, EventSendOutcome.NotSent);
        }
        var name = AnswerBlobName(partition, batchId, send);
        await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(name)
            .UploadAsync(BinaryData.FromObjectAsJson(answer, Json), overwrite: true, ct).ConfigureAwait(false);
        return new EventSendResult(send, EventSendOutcome.Answered, name);
    }

    /// <summary>
    /// Records the outcome of a send (the pure <see cref="EventReactions"/> decide): registered and refused events are
    /// final, events to resend go back to pending in the batch, 573 and unknown outcomes stay in flight for
    /// reconciliation. Idempotent: only events still Sending under <paramref name="sent"/>'s number are written.
    /// </summary>
    public async Task<EventBatchStep> RecordAsync(string partition, string batchId, EventSendResult sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var open = await OpenAsync(partition, batchId, ct).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return EventBatchStep.Closed;
        }
        var policy = EventPolicy.For(open[0].tpAmb, eventOptions.Value);
        var inSend = open.Where(e => e.StatusValue == EventStatus.Sending && e.BatchSend == sent.Send).OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList();
        var resendAfter = policy.RetryDelay;
        var answers = new List<EventAnswer>();
        if (sent.Outcome == EventSendOutcome.Answered)
        {
            var answer = (await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(sent.AnswerBlob).DownloadContentAsync(ct).ConfigureAwait(false))
                .Value.Content.ToObjectFromJson<RetEnvEvento>(Json)!;
            var (verdicts, wait) = EventReactions.OnAnswer(answer, [.. inSend.Select(e => new EventKey(e.Key, e.tpEvento, e.nSeqEvento))], policy);
            resendAfter = wait;
            for (var i = 0; i < inSend.Count; i++)
            {
                var e = inSend[i];
                switch (verdicts[i])
                {
                    case EventVerdict.Registered r:
                        answers.Add(EventAnswer.Registered(e, r.Ret, NfeProcs.ProcEventoNFe(e.SignedXml!, r.Ret.Xml)));
                        break;
                    case EventVerdict.Refused r:
                        answers.Add(EventAnswer.Rejected(e, r.cStat, r.xMotivo, r.dhRegEvento));
                        break;
                    case EventVerdict.Resend:
                        answers.Add(EventAnswer.Retry(e));
                        break;
                    default:
                        break; // 573: stays in flight; the reconciliation fetches the registered event
                }
            }
            if (CStatTables.RecepcaoEvento.React(answer.cStat) != CStatReaction.ReadItems)
            {
                Log.EventLotStatus(logger, batchId, answer.cStat, resendAfter);
            }
        }
        else if (sent.Outcome == EventSendOutcome.NotSent)
        {
            answers.AddRange(inSend.Select(EventAnswer.Retry));
        }
        await WriteAsync(partition, answers, ct).ConfigureAwait(false);
        return Next(open, reconcileWait: TimeSpan.Zero, sendWait: resendAfter);
    }

    /// <summary>Hands the batch's answered events to distribution (idempotent: the events keep a Distributed flag, deliveries are idempotent by id).</summary>
    public async Task<int> DistributeAsync(string partition, string batchId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {EventRecord.RowPrefix} and RowKey lt {"evt}"} and BatchId eq {batchId} and Distributed eq {false}");
        var answered = new List<EventRecord>();
        await foreach (var e in Documents.QueryAsync<EventRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.StatusValue is EventStatus.Registered or EventStatus.Rejected)
            {
                answered.Add(e);
            }
        }
        await DistributeAsync(partition, answered, ct).ConfigureAwait(false);
        return answered.Count;
    }

    /// <summary>Asks for the next cut when the partition has events waiting for a batch (later sequences of the batch's documents).</summary>
    public async Task<bool> ContinueAsync(string partition, CancellationToken ct)
    {
        var open = await EventBatchCutter.OpenEventsAsync(Documents, partition, ct).ConfigureAwait(false);
        if (!open.Any(e => e.BatchId is null && e.StatusValue == EventStatus.Pending))
        {
            return false;
        }
        await queue.SendAsync(partition, ct).ConfigureAwait(false);
        return true;
    }

    private Task<List<EventRecord>> OpenAsync(string partition, string batchId, CancellationToken ct) =>
        EventBatchCutter.OpenEventsAsync(Documents, partition, ct, batchId);

    /// <summary>The next step from the batch's open events, its wait in real time (the pipeline clock may run scaled in tests).</summary>
    private EventBatchStep Next(IReadOnlyList<EventRecord> open, TimeSpan reconcileWait, TimeSpan sendWait)
    {
        var step = EventReactions.Next(open.Count(e => e.StatusValue == EventStatus.Sending), open.Count(e => e.StatusValue == EventStatus.Pending), reconcileWait, sendWait);
        var scale = time is ScaledTimeProvider { Scale: > 0 } scaled ? scaled.Scale : 1;
        return step with { Delay = LotPolicy.RealTime(step.Delay, scale, open[0].tpAmb) };
    }

    private async Task<(SefazTarget Target, X509Certificate2 Cert)> TargetAsync(EventRecord e, CancellationToken ct)
    {
        var entity = await entities.FindAsync(e.TenantId, e.Cnpj, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Entity {e.Cnpj} of tenant {e.TenantId} no longer exists; event batch {e.BatchId} cannot proceed.");
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        // A cancellation of a document authorized by an SVC (tpEmis 6/7) goes to that SVC while the UF is in contingency.
        var svc = contingency is null ? null
            : await contingency.EventSvcAsync(new Contingency.AuthorizerKey(e.Uf, e.mod, e.tpAmb), e.chNFe, e.tpEvento, ct).ConfigureAwait(false);
        return (new SefazTarget(e.Uf, e.mod, e.tpAmb) { Contingency = svc }, cert);
    }

    /// <summary>Blob of SEFAZ's answer to one send of a batch (in the procNFe container, beside the partition's documents).</summary>
    internal static string AnswerBlobName(string partition, string batchId, int send) =>
        string.Create(CultureInfo.InvariantCulture, $"{partition.Replace('|', '/')}/event-batches/{batchId}-{send:00}-retEnvEvento.json");
}
