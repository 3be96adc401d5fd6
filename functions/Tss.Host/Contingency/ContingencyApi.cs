using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Events;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Events;
using Tss.Protocol.Reference;

namespace Tss.Host.Contingency;

/// <summary>
/// The contingency policy in the API: every authorizer's state and its decision log (what switched, when, on which
/// signals) for any client; an entity's own override for its tenant. Forcing or forbidding contingency for a whole UF
/// affects every tenant, so it is an operator route, mapped only when <c>Contingency:OperatorApi</c> is true (there is no
/// operator identity yet: never enable it on a public endpoint).
/// </summary>
public static class ContingencyApi
{
    public const string InvalidAuthorizer = ApiErrorCodes.InvalidContingencyAuthorizer;

    public static IEndpointRouteBuilder MapContingencyApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/contingency")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync).WithName("ListContingency")
            .WithSummary("Estado de contingência de cada autorizador (UF × modelo × ambiente) já observado, com o motivo da última decisão.");
        group.MapGet("/{uf}", GetAsync).WithName("GetContingency")
            .WithSummary("Estado de contingência de uma UF (mod 55 padrão, tpAmb 2 padrão) e o registro das decisões, da mais recente à mais antiga.");
        app.MapGroup("/api/v1/entities/{cnpj}/contingency")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .MapPut("/", SetEntityAsync).WithJsonBody<ContingencyOverrideRequest>().WithName("SetEntityContingency")
            .WithSummary("Força (force), proíbe (forbid) ou libera (none) a contingência para esta empresa, acima da política da UF.");
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Contingency:OperatorApi", false))
        {
            app.MapPut("/operator/contingency/{uf}", SetAuthorizerAsync).AddEndpointFilter(RejectionFilter.InvokeAsync).ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<Ok<IReadOnlyList<ContingencyView>>> ListAsync(ContingencyService contingency, CancellationToken ct) =>
        TypedResults.Ok(await contingency.ListAsync(ct));

    private static async Task<Ok<ContingencyStatus>> GetAsync(string uf, ContingencyService contingency, CancellationToken ct,
        int model = 55, int tpAmb = 2, int take = 50)
    {
        var key = Key(uf, model, tpAmb);
        return TypedResults.Ok(new ContingencyStatus(await contingency.GetAsync(key, ct),
            await contingency.DecisionsAsync(key, Math.Clamp(take, 1, 500), ct)));
    }

    /// <summary>The body is read after the tenant scope, so another tenant's entity is a 404 whatever the body.</summary>
    private static async Task<NoContent> SetEntityAsync(HttpContext context, string cnpj, EntityScope scope, ContingencyService contingency,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        var (request, _) = await JsonBody.ReadAsync<ContingencyOverrideRequest>(context.Request, json.Value, ct);
        await contingency.ImposeOnEntityAsync(entity.TenantId, entity.Cnpj, request.Override, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ContingencyView>> SetAuthorizerAsync(string uf, ContingencyOverrideRequest request,
        ContingencyService contingency, CancellationToken ct) =>
        request.Override == OperatorOverride.Epec
            ? throw new RequestRefusedException(400, ApiErrorCodes.ContingencyEpecEntityOnly,
                "EPEC é uma escolha de cada empresa (PUT /api/v1/entities/{cnpj}/contingency); para a UF use None, Force ou Forbid.")
            : TypedResults.Ok(await contingency.ImposeAsync(Key(uf, request.Model, request.tpAmb == 0 ? 2 : request.tpAmb), request.Override,
            "operator-api", ct));

    private static AuthorizerKey Key(string uf, int model, int tpAmb)
    {
        var code = uf.ToUpperInvariant();
        if (!UfCodes.All.Contains(code) || model is not (55 or 65) || tpAmb is not (1 or 2))
        {
            throw new RequestRefusedException(400, InvalidAuthorizer, "Informe uma UF válida, mod 55 ou 65 e tpAmb 1 ou 2.");
        }

        return new AuthorizerKey(code, model, tpAmb);
    }
}
