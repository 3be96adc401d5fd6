using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Idempotency;
using Tss.Host.Problems;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Queries;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Tss.Host.Events;

/// <summary>
/// Events of an NF-e: cancelamento and carta de correção (accepted at once, sent in batches by the events stage),
/// the document's events and their procEventoNFe. Also maps the inutilização and consultation routes
/// (<see cref="InutilizacaoApi"/>, <see cref="ConsultationsApi"/>). Scoped to the caller's tenant like every route.
/// </summary>
public static class EventsApi
{
    /// <summary>Maps every route of this folder.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/entities/{cnpj}")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/nfe/{chNFe}/cancel", CancelAsync).WithJsonBody<CancelRequest>()
            .Produces<EventView>(StatusCodes.Status202Accepted).Produces<EventView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("CancelNfe")
            .WithSummary("Pede o cancelamento (110111) de uma NF-e autorizada; 202 com o evento pendente, 200 se já pedido. Aceita Idempotency-Key.");
        group.MapPost("/nfe/{chNFe}/cce", CorrectAsync).WithJsonBody<CorrectionRequest>()
            .Produces<EventView>(StatusCodes.Status202Accepted).Produces<EventView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("CorrectNfe")
            .WithSummary("Pede uma carta de correção (110110); nSeqEvento é atribuído pelo serviço (até 20). Aceita Idempotency-Key.");
        group.MapGet("/nfe/{chNFe}/events", ListAsync).WithName("ListNfeEvents")
            .WithSummary("Eventos da NF-e (pendentes, registrados e rejeitados) e a situação do documento.");
        group.MapGet("/nfe/{chNFe}/events/{tpEvento}/{nSeqEvento:int}/procevento", GetProcEventoAsync)
            .Produces<string>(200, "application/xml").WithName("GetProcEventoNFe")
            .WithSummary("XML de distribuição (procEventoNFe) de um evento registrado.");
        group.MapInutilizacaoApi();
        group.MapConsultationsApi();
        return app;
    }

    private static async Task<IResult> CancelAsync(HttpContext context, string cnpj, string chNFe,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, EntityScope scope, EventRequestService events,
        IdempotencyStore idempotency, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var tenantId = context.User.GetTenantId();
        var entity = await scope.RequireAsync(tenantId, cnpj, ct);
        var (body, raw) = await JsonBody.ReadAsync<CancelRequest>(context.Request, json.Value, ct);
        return await IdempotentPost.RunAsync(context, idempotency, tenantId, idempotencyKey, [raw],
            async () => Render(await events.CancelAsync(entity, chNFe, body.xJust, ct), json.Value.SerializerOptions), ct);
    }

    private static async Task<IResult> CorrectAsync(HttpContext context, string cnpj, string chNFe,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, EntityScope scope, EventRequestService events,
        IdempotencyStore idempotency, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var tenantId = context.User.GetTenantId();
        var entity = await scope.RequireAsync(tenantId, cnpj, ct);
        var (body, raw) = await JsonBody.ReadAsync<CorrectionRequest>(context.Request, json.Value, ct);
        return await IdempotentPost.RunAsync(context, idempotency, tenantId, idempotencyKey, [raw],
            async () => Render(await events.CorrectAsync(entity, chNFe, body.xCorrecao, ct), json.Value.SerializerOptions), ct);
    }

    private static async Task<Ok<DocumentEventsResponse>> ListAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope,
        DocumentQueries documents, EventQueries events, CancellationToken ct)
    {
        var document = await RequireDocumentAsync(context, cnpj, chNFe, scope, documents, ct);
        var list = await events.ListAsync(document, ct);
        return TypedResults.Ok(new DocumentEventsResponse(document.RowKey, document.Status, document.EventCount,
            [.. list.OrderBy(e => e.CreatedAt).ThenBy(e => e.RowKey, StringComparer.Ordinal).Select(EventView.Of)]));
    }

    private static async Task<ContentHttpResult> GetProcEventoAsync(HttpContext context, string cnpj, string chNFe, string tpEvento, int nSeqEvento,
        EntityScope scope, DocumentQueries documents, EventQueries events, CancellationToken ct)
    {
        var document = await RequireDocumentAsync(context, cnpj, chNFe, scope, documents, ct);
        var e = await events.GetAsync(document, tpEvento, nSeqEvento, ct)
            ?? throw new RequestRefusedException(404, PipelineErrorCodes.Events.EventNotFound, "Evento não encontrado para esta NF-e.");
        var proc = await events.GetProcEventoAsync(e, ct)
            ?? throw new RequestRefusedException(404, PipelineErrorCodes.Events.ProcNotAvailable,
                $"O evento ainda não tem XML de distribuição (situação {e.Status}); ele existe somente após o registro na SEFAZ.");
        return TypedResults.Content(proc, "application/xml; charset=utf-8");
    }

    /// <summary>The document of the entity, or 404 (another tenant's or entity's key is "not found", like an unknown one).</summary>
    internal static async Task<DocumentRecord> RequireDocumentAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope,
        DocumentQueries documents, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        var document = await documents.GetAsync(entity.TenantId, chNFe, ct);
        return document is not null && document.Cnpj == entity.Cnpj
            ? document
            : throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
    }

    private static StoredResponse Render(EventRequestResult result, JsonSerializerOptions options) =>
        new(result.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK, "application/json", JsonSerializer.Serialize(result.Event, options));
}
