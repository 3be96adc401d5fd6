using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Protocol.Reference;

namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>
/// Admin API for outages and SVCs: <c>GET /admin/authorizers</c>; <c>PUT /admin/authorizers/{uf}/outage</c> with
/// <see cref="OutageSpec"/> takes a UF's normal authorizer down; <c>DELETE /admin/authorizers/{uf}/outage?model=</c> brings it
/// back; <c>PUT|DELETE /admin/svc/{svc}/{uf}</c> switches an SVC on or off for a UF by hand.
/// </summary>
public static class ContingencyAdminApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapContingencyAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/authorizers", (AuthorizerBoard board) => TypedResults.Ok(board.View()));
        admin.MapPut("/authorizers/{uf}/outage", TakeDown);
        admin.MapDelete("/authorizers/{uf}/outage", BringBack);
        admin.MapPut("/svc/{svc}/{uf}", Activate);
        admin.MapDelete("/svc/{svc}/{uf}", Deactivate);
        return app;
    }

    private static Results<Ok<Outage>, ProblemHttpResult> TakeDown(string uf, OutageSpec spec, AuthorizerBoard board,
        ILogger<AuthorizerBoard> logger)
    {
        if (Code(uf) is not { } cUF)
        {
            return UnknownUf(uf);
        }

        if (spec.cStat is not (108 or 109) || spec.Model is not (null or 55 or 65))
        {
            return TypedResults.Problem("cStat must be 108 or 109 and model 55, 65 or absent.", statusCode: 400, title: "outage.invalid");
        }

        var outage = board.TakeDown(cUF, uf.ToUpperInvariant(), spec);
        Log.OutageStarted(logger, outage.Uf, outage.Model, outage.cStat);
        return TypedResults.Ok(outage);
    }

    private static Results<NoContent, NotFound, ProblemHttpResult> BringBack(string uf, int? model, AuthorizerBoard board,
        ILogger<AuthorizerBoard> logger)
    {
        if (Code(uf) is not { } cUF)
        {
            return UnknownUf(uf);
        }

        if (!board.BringBack(cUF, model))
        {
            return TypedResults.NotFound();
        }

        Log.OutageEnded(logger, uf.ToUpperInvariant(), model);
        return TypedResults.NoContent();
    }

    private static Results<Ok<SvcActivation>, ProblemHttpResult> Activate(string svc, string uf, AuthorizerBoard board,
        ILogger<AuthorizerBoard> logger)
    {
        if (Code(uf) is not { } cUF)
        {
            return UnknownUf(uf);
        }

        if (SvcMap.Parse(svc) is not { } name || SvcMap.For(cUF) != name)
        {
            return TypedResults.Problem($"{svc} does not serve {uf} (PROTOCOL.md §9 mapping).", statusCode: 400, title: "svc.not_for_uf");
        }

        var activation = board.Activate(name, cUF, uf.ToUpperInvariant());
        Log.SvcSwitched(logger, name, "on", activation.Uf);
        return TypedResults.Ok(activation);
    }

    private static Results<NoContent, NotFound> Deactivate(string svc, string uf, AuthorizerBoard board, ILogger<AuthorizerBoard> logger)
    {
        if (Code(uf) is not { } cUF || SvcMap.Parse(svc) is not { } name || !board.Deactivate(name, cUF))
        {
            return TypedResults.NotFound();
        }

        Log.SvcSwitched(logger, name, "off", uf.ToUpperInvariant());
        return TypedResults.NoContent();
    }

    private static int? Code(string uf) =>
        UfCodes.All.Contains(uf.ToUpperInvariant()) ? UfCodes.ToCode(uf.ToUpperInvariant()) : null;

    private static ProblemHttpResult UnknownUf(string uf) =>
        TypedResults.Problem($"'{uf}' is not a UF.", statusCode: 400, title: "outage.unknown_uf");
}
