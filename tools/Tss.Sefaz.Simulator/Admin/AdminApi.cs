using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Lots;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Admin;

/// <summary>The admin API (plain HTTP, loopback, JSON): exchanges, authorizations, events, voided ranges, lots, faults, reset
/// (which also forgets the NFC-e CSCs), clock, health.</summary>
public static class AdminApi
{
    /// <summary>camelCase, enums as strings.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>Maps /admin/* (served on the plain-HTTP endpoint only; HTTPS requests all go to SOAP).</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/exchanges", (ExchangeLog log, DateTimeOffset? since) => TypedResults.Ok(log.List(since)));
        admin.MapGet("/authorizations", (AuthorizationStore store) => TypedResults.Ok(store.All().Select(AuthorizationView.From)));
        admin.MapGet("/events/{chNFe}", (string chNFe, AuthorizationStore store) => TypedResults.Ok(store.Events(chNFe).Select(EventView.From)));
        admin.MapGet("/voided", (AuthorizationStore store) => TypedResults.Ok(store.VoidedRanges()));
        admin.MapGet("/lots", (LotEngine engine) => TypedResults.Ok(engine.List()));
        admin.MapGet("/lots/{nRec}", GetLot);
        admin.MapPost("/faults", AddFault);
        admin.MapGet("/faults", (FaultRegistry faults) => TypedResults.Ok(faults.List()));
        admin.MapDelete("/faults", ClearFaults);
        admin.MapDelete("/faults/{id}", RemoveFault);
        admin.MapPost("/reset", Reset);
        admin.MapGet("/clock", (TimeProvider time) =>
            TypedResults.Ok(new ClockView(time.GetUtcNow(), time is ScaledTimeProvider scaled ? scaled.Scale : 1)));
        admin.MapGet("/consumption", (LotEngine engine) => TypedResults.Ok(engine.ConsumptionBlocks()));
        admin.MapGet("/health", (SimulatorOptions options) => TypedResults.Ok(new HealthView("ok", options.Environment, options.VerAplic)));
        return app;
    }

    private static Results<Ok<LotView>, ProblemHttpResult> GetLot(string nRec, LotEngine engine) =>
        engine.Find(nRec) is { } lot
            ? TypedResults.Ok(lot)
            : TypedResults.Problem($"Lot {nRec} is not held (unknown or expired).", statusCode: 404, title: "lot.not_found");

    private static Results<Created<FaultSpec>, ProblemHttpResult> AddFault(FaultSpec fault, FaultRegistry faults,
        ILogger<FaultRegistry> logger)
    {
        var problem = FaultValidation.Check(fault);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: 400, title: "fault.invalid");
        }

        var added = faults.Add(fault);
        Log.FaultAdded(logger, added.Id, added.Kind, added.Service, added.Phase, added.Count);
        return TypedResults.Created($"/admin/faults/{added.Id}", added);
    }

    private static NoContent ClearFaults(FaultRegistry faults, ILogger<FaultRegistry> logger)
    {
        faults.Clear();
        Log.FaultsCleared(logger);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, NotFound> RemoveFault(string id, FaultRegistry faults) =>
        faults.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static NoContent Reset(AuthorizationStore authorizations, LotEngine engine, FaultRegistry faults, ExchangeLog exchanges,
        CscRegistry cscs, AuthorizerBoard board, Epec.EpecRegistry epecs, ILogger<LotEngine> logger)
    {
        faults.Clear();
        epecs.Clear();
        board.Clear();
        cscs.Clear();
        engine.Reset();
        authorizations.Clear();
        exchanges.Clear();
        Log.StateReset(logger);
        return TypedResults.NoContent();
    }
}
