using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Protocol.Reference;
using Tss.Sefaz.Simulator.Contingency;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>
/// Admin API of the Ambiente Nacional's EPEC service: <c>GET /admin/epec</c> lists the registered EPECs;
/// <c>PUT /admin/epec/outage</c> takes the service down (every EPEC lot fails at transport with HTTP 503, as a down UF
/// authorizer does); <c>DELETE /admin/epec/outage</c> brings it back.
/// </summary>
public static class EpecAdminApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapEpecAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/epec");
        admin.MapGet("", (EpecRegistry registry) => TypedResults.Ok(registry.All().Select(r => new EpecView(r.chNFe, r.nProt, r.dhRegEvento)).ToList()));
        admin.MapPut("/outage", (AuthorizerBoard board) =>
            TypedResults.Ok(board.TakeDown(UfCodes.AmbienteNacional, UfCodes.AmbienteNacionalUf, new OutageSpec { ActivateSvc = false })));
        admin.MapDelete("/outage", Results<NoContent, NotFound> (AuthorizerBoard board) =>
            board.BringBack(UfCodes.AmbienteNacional, null) ? TypedResults.NoContent() : TypedResults.NotFound());
        return app;
    }
}
