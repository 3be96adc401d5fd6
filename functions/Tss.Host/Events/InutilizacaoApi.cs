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
using Tss.Pipeline.Events;
using Tss.Pipeline.Inutilizacao;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Tss.Host.Events;

/// <summary>Inutilização of number ranges (synchronous: SEFAZ answers in the request) and its record and procInutNFe.</summary>
public static class InutilizacaoApi
{
    internal static RouteGroupBuilder MapInutilizacaoApi(this RouteGroupBuilder group)
    {
        group.MapPost("/inutilizacoes", RequestAsync).WithJsonBody<InutilizacaoBody>()
            .Produces<InutilizacaoView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .WithName("InutilizeNumbers")
            .WithSummary("Inutiliza uma faixa de numeração (NFeInutilizacao4); responde com o registro (Voided ou Rejected com cStat). Repetir a mesma faixa é idempotente. Aceita Idempotency-Key.");
        group.MapGet("/inutilizacoes/{id}", GetAsync).WithName("GetInutilizacao").WithSummary("Registro de uma inutilização pelo id.");
        group.MapGet("/inutilizacoes/{id}/procinut", GetProcAsync).Produces<string>(200, "application/xml").WithName("GetProcInutNFe")
            .WithSummary("XML de distribuição (ProcInutNFe) de uma inutilização homologada.");
        return group;
    }

    private static async Task<IResult> RequestAsync(HttpContext context, string cnpj, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        EntityScope scope, InutilizacaoService service, IdempotencyStore idempotency, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var tenantId = context.User.GetTenantId();
        var entity = await scope.RequireAsync(tenantId, cnpj, ct);
        var (body, raw) = await JsonBody.ReadAsync<InutilizacaoBody>(context.Request, json.Value, ct);
        if (body.serie is not { } serie || body.nNFIni is not { } ini || body.nNFFin is not { } fin)
        {
            throw new RequestRefusedException(400, PipelineErrorCodes.Events.InvalidInutilizacao, "Informe serie, nNFIni, nNFFin e xJust.");
        }
        var request = new InutilizacaoRequest(serie, ini, fin, body.xJust, body.ano, body.mod ?? 55);
        return await IdempotentPost.RunAsync(context, idempotency, tenantId, idempotencyKey, [raw], async () =>
        {
            var view = await service.RequestAsync(entity, request, ct);
            return new StoredResponse(StatusCodes.Status200OK, "application/json", JsonSerializer.Serialize(view, json.Value.SerializerOptions));
        }, ct);
    }

    private static async Task<Ok<InutilizacaoView>> GetAsync(HttpContext context, string cnpj, string id, EntityScope scope, InutilizacaoService service, CancellationToken ct) =>
        TypedResults.Ok(InutilizacaoView.Of(await RequireAsync(context, cnpj, id, scope, service, ct)));

    private static async Task<ContentHttpResult> GetProcAsync(HttpContext context, string cnpj, string id, EntityScope scope, InutilizacaoService service, CancellationToken ct)
    {
        var record = await RequireAsync(context, cnpj, id, scope, service, ct);
        var proc = await service.GetProcAsync(record, ct)
            ?? throw new RequestRefusedException(404, PipelineErrorCodes.Events.ProcNotAvailable, $"A inutilização não tem XML de distribuição (situação {record.Status}).");
        return TypedResults.Content(proc, "application/xml; charset=utf-8");
    }

    private static async Task<InutilizacaoRecord> RequireAsync(HttpContext context, string cnpj, string id, EntityScope scope, InutilizacaoService service, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        return await service.GetAsync(entity, id, ct)
            ?? throw new RequestRefusedException(404, PipelineErrorCodes.Events.InutilizacaoNotFound, "Inutilização não encontrada para esta empresa.");
    }
}
