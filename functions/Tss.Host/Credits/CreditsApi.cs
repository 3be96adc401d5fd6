using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Problems;
using Tss.Pipeline.Events;
using Tss.Tenancy;
using Tss.Tenancy.Credits;

namespace Tss.Host.Credits;

/// <summary>
/// The caller's licence credits: balance (contracted, used, balance, low-balance settings) and the ledger, newest
/// first, one page at a time. Scoped to the API key's tenant: there is no way to name another tenant.
/// </summary>
public static class CreditsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/credits")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", GetBalanceAsync).WithName("GetCredits").WithSummary("Saldo de créditos do cliente: contratado, utilizado e saldo.");
        group.MapGet("/ledger", GetLedgerAsync).WithName("GetCreditLedger").WithSummary("Extrato de créditos (recargas e débitos), do mais recente ao mais antigo, paginado.");
        return app;
    }

    private static async Task<Ok<CreditBalance>> GetBalanceAsync(HttpContext context, ICreditLedger ledger, CancellationToken ct) =>
        TypedResults.Ok(await Refusing(() => ledger.GetBalanceAsync(context.User.GetTenantId(), ct)));

    private static async Task<Ok<CreditLedgerPage>> GetLedgerAsync(HttpContext context, int? pageSize, string? continuationToken, ICreditLedger ledger, CancellationToken ct)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, $"pageSize deve estar entre 1 e {MaxPageSize}.");
        }
        return TypedResults.Ok(await Refusing(() => ledger.ListAsync(context.User.GetTenantId(), pageSize ?? DefaultPageSize, continuationToken, ct)));
    }

    /// <summary>A refusal of the ledger (e.g. a foreign continuation token) is the caller's 400, not a server error.</summary>
    private static async Task<T> Refusing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (TenancyException e) when (e.Code.StartsWith("credits.", StringComparison.Ordinal))
        {
            throw new RequestRefusedException(400, e.Code, e.Message);
        }
    }
}
