using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Contracts.Documents;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Orchestrations.Lots;
using Tss.Pipeline;
using Tss.Pipeline.Queries;

namespace Tss.Host.Documents;

/// <summary>
/// The operator's action on a document whose lot is stuck (it stopped restarting after repeated failures, and the
/// document shows <c>attention</c>): retry the lot. The lot goes on from its lot row, so a send that may have reached
/// SEFAZ is reconciled by key, never sent again blindly. Scoped to the caller's tenant like every document route.
/// </summary>
public static class LotRetryApi
{
    /// <summary>What the retry answers (202).</summary>
    /// <param name="chNFe">The document asked about.</param>
    /// <param name="Lot">The lot told to go on (row key "lot|{idLote}").</param>
    public sealed record LotRetryAccepted(string chNFe, string Lot);

    public static IEndpointRouteBuilder MapLotRetryApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/entities/{cnpj}/nfe")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .MapPost("/{chNFe}/lot/retry", RetryAsync).WithName("RetryNfeLot")
            .WithSummary("Retoma o lote parado da NF-e (situação 'attention'): o lote continua do último estado gravado e consulta na SEFAZ o que pode ter sido enviado, sem reenviar às cegas.");
        return app;
    }

    private static async Task<Accepted<LotRetryAccepted>> RetryAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope,
        DocumentQueries queries, LotRetries retries, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        var document = await queries.GetAsync(entity.TenantId, chNFe, ct);
        if (document is null || document.Cnpj != entity.Cnpj)
        {
            throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
        }
        var result = document is { Status: nameof(DocumentStatus.InLot), LotId.Length: > 0 }
            ? await retries.RetryAsync(document.PartitionKey, document.LotId, $"api:{entity.TenantId}", ct)
            : LotRetryResult.NotFound;
        return result == LotRetryResult.Retried
            ? TypedResults.Accepted((string?)null, new LotRetryAccepted(document.RowKey, document.LotId!))
            : throw new RequestRefusedException(RefusalKind.Conflict, ApiErrorCodes.LotNotStuck,
                $"O lote da NF-e não está parado (situação {document.Status}); não há o que retomar.");
    }
}
