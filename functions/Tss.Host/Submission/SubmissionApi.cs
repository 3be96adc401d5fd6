using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Idempotency;
using Tss.Host.Problems;
using Tss.Pipeline;
using Tss.Pipeline.Events;

namespace Tss.Host.Submission;

/// <summary>POST /api/v1/entities/{cnpj}/nfe — submit one or many NF-e, optionally with an Idempotency-Key.</summary>
public static class SubmissionApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapSubmissionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/entities/{cnpj}/nfe", SubmitAsync)
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .Produces<SubmitResponse>(StatusCodes.Status200OK)
            .Produces<SubmitResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("SubmitNfe")
            // No Accepts(...) metadata: it would make routing answer 415 itself, without our ProblemDetails code.
            .WithSummary("Envia uma ou várias NF-e para assinatura e autorização: corpo application/xml (NFe ou enviNFe) ou application/json ({\"documents\":[{\"xml\",\"erpId\"}],\"sync\"}).");
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context,
        string cnpj,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        EntityScope scope,
        SubmissionService submission,
        IdempotencyStore idempotency,
        IOptions<PipelineOptions> pipeline,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var tenantId = context.User.GetTenantId();
        var entity = await scope.RequireAsync(tenantId, cnpj, ct);
        if (idempotencyKey is not null && !IdempotencyStore.IsValidKey(idempotencyKey))
        {
            throw new RequestRefusedException(400, ApiErrorCodes.IdempotencyKeyInvalid, "Idempotency-Key deve ter de 1 a 200 caracteres ASCII visíveis.");
        }
        var body = await SubmitBodyReader.ReadAsync(context.Request, pipeline.Value, ct);

        IdempotencyOutcome.Proceed? claim = null;
        string? requestHash = null;
        if (idempotencyKey is not null)
        {
            requestHash = IdempotencyStore.RequestHash(Encoding.UTF8.GetBytes(cnpj), Encoding.UTF8.GetBytes(body.MediaType), [body.Sync ? (byte)1 : (byte)0], body.Raw);
            switch (await idempotency.BeginAsync(tenantId, idempotencyKey, requestHash, ct))
            {
                case IdempotencyOutcome.Replay replay:
                    Tss.Host.Log.Replayed(loggers.CreateLogger(typeof(SubmissionApi).FullName!), tenantId, replay.Response.StatusCode);
                    context.Response.Headers[ReplayedHeader] = "true";
                    return TypedResults.Content(replay.Response.Body, replay.Response.ContentType, Encoding.UTF8, replay.Response.StatusCode);
                case IdempotencyOutcome.Mismatch:
                    throw new RequestRefusedException(422, ApiErrorCodes.IdempotencyKeyReused,
                        "Esta Idempotency-Key já foi usada com outra requisição; use uma chave nova para um conteúdo diferente.");
                case IdempotencyOutcome.InProgress:
                    context.Response.Headers.RetryAfter = "2";
                    throw new RequestRefusedException(409, ApiErrorCodes.IdempotencyInProgress,
                        "Uma requisição com esta Idempotency-Key ainda está em processamento; tente novamente em instantes.");
                case IdempotencyOutcome.Proceed proceed:
                    claim = proceed;
                    break;
            }
        }

        StoredResponse answer;
        try
        {
            answer = Render(await submission.SubmitAsync(entity, body, ct), json.Value.SerializerOptions);
        }
        catch when (claim is not null)
        {
            await idempotency.AbandonAsync(claim, CancellationToken.None);
            throw;
        }
        if (claim is not null && !await idempotency.CompleteAsync(claim, requestHash!, answer, CancellationToken.None))
        {
            Tss.Host.Log.IdempotencyStoreFailed(loggers.CreateLogger(typeof(SubmissionApi).FullName!), tenantId);
        }
        return TypedResults.Content(answer.Body, answer.ContentType, Encoding.UTF8, answer.StatusCode);
    }

    /// <summary>
    /// 200 when every accepted document was sent within the request and has SEFAZ's final answer (authorized, denied
    /// or rejected: see each document's sefaz); 202 with the results when something was accepted and is still to be
    /// (or being) processed; 422 ProblemDetails (same results inside) when nothing was accepted.
    /// </summary>
    public static StoredResponse Render(SubmitResponse response, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Accepted > 0)
        {
            var answered = response.Documents.Where(d => d.Error is null).All(d => d.Sefaz is not null);
            return new StoredResponse(answered ? StatusCodes.Status200OK : StatusCodes.Status202Accepted, "application/json", JsonSerializer.Serialize(response, options));
        }
        var code = response.Documents.Select(d => d.Error!.Code).Distinct().Count() == 1 ? response.Documents[0].Error!.Code : ApiErrorCodes.AllRefused;
        var detail = response.Documents.Count == 1 ? response.Documents[0].Error!.Message : "Nenhum documento foi aceito; veja o erro de cada um em documents.";
        // A number already issued under another key with other content is a conflict with stored state, not bad input.
        var status = code == PipelineErrorCodes.Ingest.NumberTaken ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var problem = ApiProblem.Details(status, code, detail);
        problem.Extensions["documents"] = response.Documents;
        return new StoredResponse(status, "application/problem+json", JsonSerializer.Serialize(problem, options));
    }
}
