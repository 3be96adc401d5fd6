using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Queries;
using Tss.Protocol;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Events;

/// <summary>
/// Accepts cancelamento and CC-e requests for an entity's documents: checks the document and the text, assigns
/// nSeqEvento from the document's event history, stores the event row (an entity-group transaction with a compare-and-swap
/// on the document, so concurrent requests for one document are serialized) and asks the events stage to batch it.
/// Idempotent: a second cancellation returns the first; a CC-e identical to one not yet answered returns that one.
/// Events are never debited credits and never go through lot assembly.
/// </summary>
public sealed partial class EventRequestService(
    TableServiceClient tables,
    EventsQueue queue,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<EventRequestService> logger)
{
    private const int MaxAttempts = 5;
    private readonly PipelineOptions _o = options.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    /// <summary>Requests the cancellation (110111) of an authorized NF-e of <paramref name="entity"/>.</summary>
    /// <exception cref="RequestRefusedException">Unknown document, not authorized, or a bad justification.</exception>
    public Task<EventRequestResult> CancelAsync(EntityInfo entity, string chNFe, string? xJust, CancellationToken ct)
    {
        var text = Text(xJust);
        return RequestAsync(entity, chNFe, NfeRequests.TpEventoCancelamento, text, ct);
    }

    /// <summary>Requests a carta de correção (110110) of an authorized, not cancelled NF-e of <paramref name="entity"/>.</summary>
    /// <exception cref="RequestRefusedException">Unknown document, not authorized or cancelled, a bad text, or 20 CC-e already.</exception>
    public Task<EventRequestResult> CorrectAsync(EntityInfo entity, string chNFe, string? xCorrecao, CancellationToken ct)
    {
        var text = Text(xCorrecao);
        return RequestAsync(entity, chNFe, NfeRequests.TpEventoCartaCorrecao, text, ct);
    }

    private async Task<EventRequestResult> RequestAsync(EntityInfo entity, string chNFe, string tpEvento, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        for (var attempt = 1; ; attempt++)
        {
            var document = await ReadDocumentAsync(entity, chNFe, ct).ConfigureAwait(false);
            var events = await EventQueries.ReadEventsAsync(Documents, document.PartitionKey, document.Key, ct).ConfigureAwait(false);
            var decision = Decide(document, events, tpEvento, text);
            if (decision.Existing is { } existing)
            {
                return new EventRequestResult(EventView.Of(existing), Created: false);
            }
            var now = time.GetUtcNow();
            var record = NewRecord(document, tpEvento, decision.nSeqEvento, text, now);
            Validate(record, document, now);
            var actions = new List<TableTransactionAction>
            {
                decision.Replaces is { } rejected
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, rejected.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, record),
                // A merge of no properties: changes only the ETag, so two requests for one document cannot both pass.
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(document.PartitionKey, document.RowKey), document.ETag),
            };
            try
            {
                await Documents.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                continue; // another request for this document won the race: decide again on fresh state
            }
            Log.EventRequested(logger, entity.TenantId, chNFe, tpEvento, record.nSeqEvento);
            await queue.SendAsync(document.PartitionKey, ct).ConfigureAwait(false);
            return new EventRequestResult(EventView.Of(record), Created: true);
        }
    }

    private sealed record Decision(EventRecord? Existing, int nSeqEvento, EventRecord? Replaces);

    /// <summary>The pure part: what a request does given the document and its events.</summary>
    private static Decision Decide(DocumentRecord document, IReadOnlyList<EventRecord> events, string tpEvento, string text)
    {
        var live = events.Where(e => e.StatusValue != EventStatus.Rejected).ToList();
        var cancel = live.FirstOrDefault(e => e.tpEvento == NfeRequests.TpEventoCancelamento);
        if (tpEvento == NfeRequests.TpEventoCancelamento)
        {
            if (cancel is not null)
            {
                return new Decision(cancel, cancel.nSeqEvento, null);
            }
            RequireAuthorized(document);
            return new Decision(null, 1, events.FirstOrDefault(e => e.tpEvento == tpEvento && e.nSeqEvento == 1));
        }

        if (document.StatusValue == DocumentStatus.Cancelled)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.DocumentCancelled, "A NF-e está cancelada; não admite carta de correção.");
        }
        RequireAuthorized(document);
        if (cancel is not null)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.CancelInProgress,
                "Há um pedido de cancelamento em andamento para esta NF-e; a carta de correção não será enviada.");
        }
        var letters = live.Where(e => e.tpEvento == tpEvento).OrderBy(e => e.nSeqEvento).ToList();
        if (letters.LastOrDefault() is { StatusValue: EventStatus.Pending or EventStatus.Sending } last && last.xCorrecao == text)
        {
            return new Decision(last, last.nSeqEvento, null); // the same letter sent again: no second event
        }
        var next = letters.Select(e => e.nSeqEvento).DefaultIfEmpty(0).Max() + 1;
        if (next > NfeRequests.MaxNSeqEvento)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.SequenceExhausted,
                $"A NF-e já tem {NfeRequests.MaxNSeqEvento} cartas de correção; a SEFAZ não aceita outra (rejeição 594).");
        }
        return new Decision(null, next, events.FirstOrDefault(e => e.tpEvento == tpEvento && e.nSeqEvento == next));
    }

    private static void RequireAuthorized(DocumentRecord document)
    {
        if (document.StatusValue != DocumentStatus.Authorized || string.IsNullOrEmpty(document.nProt))
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.NotAuthorized,
                $"A NF-e não está autorizada (situação {document.Status}); só uma NF-e autorizada admite cancelamento ou carta de correção.");
        }
    }

    private static EventRecord NewRecord(DocumentRecord document, string tpEvento, int nSeqEvento, string text, DateTimeOffset now)
    {
        var cancel = tpEvento == NfeRequests.TpEventoCancelamento;
        return new EventRecord
        {
            PartitionKey = document.PartitionKey,
            RowKey = EventRecord.RowFor(document.Key, tpEvento, nSeqEvento),
            TenantId = document.TenantId,
            Cnpj = document.Cnpj,
            chNFe = document.RowKey,
            tpEvento = tpEvento,
            nSeqEvento = nSeqEvento,
            Uf = document.Uf,
            mod = document.mod,
            tpAmb = document.tpAmb,
            Status = nameof(EventStatus.Pending),
            xJust = cancel ? text : null,
            nProtNFe = cancel ? document.nProt : null,
            xCorrecao = cancel ? null : text,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Builds the (unsigned) event once, so a text the schema refuses is refused now, with its own code.</summary>
    private static void Validate(EventRecord record, DocumentRecord document, DateTimeOffset now)
    {
        try
        {
            EventMessages.Build(record, now);
        }
        catch (MessageInputException e) when (e.Code == ProtocolErrorCodes.Message.XJust)
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidJustification,
                "xJust deve ter de 15 a 255 caracteres, sem espaços nas pontas, quebras de linha ou caracteres de controle.");
        }
        catch (MessageInputException e) when (e.Code == ProtocolErrorCodes.Message.XCorrecao)
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidCorrection,
                "xCorrecao deve ter de 15 a 1000 caracteres, sem espaços nas pontas, quebras de linha ou caracteres de controle.");
        }
        catch (MessageInputException e)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.NotAuthorized,
                $"Os dados da NF-e {document.RowKey} não permitem montar o evento ({e.Code}).");
        }
    }

    private async Task<DocumentRecord> ReadDocumentAsync(EntityInfo entity, string chNFe, CancellationToken ct)
    {
        if (!AccessKey.TryParse(chNFe, out var key, out _) || key.Emitter != entity.Cnpj)
        {
            throw NotFound();
        }
        var read = await Documents.GetEntityIfExistsAsync<DocumentRecord>(DocumentRecord.PartitionFor(entity.TenantId, key), key.Value, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue && read.Value!.Cnpj == entity.Cnpj ? read.Value : throw NotFound();
    }

    private static RequestRefusedException NotFound() =>
        new(RefusalKind.NotFound, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");

    // Surrounding blanks are dropped (ERPs pad fields); anything else the schema refuses is refused.
    private static string Text(string? text) => text?.Trim() ?? "";
}
