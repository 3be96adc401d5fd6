using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Host.Auth;
using Tss.Host.Problems;

namespace Tss.Host.Documents;

/// <summary><c>GET /api/v1/entities/{cnpj}/nfe/{chNFe}/danfe</c>: the DANFE (NF-e) or DANFE NFC-e as PDF, rendered on demand and cached.</summary>
public static class DanfeApi
{
    public static IEndpointRouteBuilder MapDanfeApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/entities/{cnpj}/nfe")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .MapGet("/{chNFe}/danfe", GetAsync)
            .Produces(200, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("GetDanfe")
            .WithSummary("DANFE da NF-e autorizada (PDF A4) ou DANFE NFC-e (bobina de 80 mm; paper=58 para 58 mm).");
        return app;
    }

    private static async Task<FileContentHttpResult> GetAsync(
        HttpContext context, string cnpj, string chNFe, int? paper, DanfeDownloads danfe, CancellationToken ct)
    {
        var pdf = await danfe.GetAsync(context.User.GetTenantId(), cnpj, chNFe, paper, ct);
        return TypedResults.File(pdf, "application/pdf", $"DANFE-{chNFe}.pdf");
    }
}
