using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Protocol.Parties;

namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>
/// Admin endpoints of the DistDFe simulation (plain HTTP, loopback): seed documents per CNPJ, read a CNPJ's
/// consumption state, change the tunables, reset.
/// </summary>
public static class DistributionAdminApi
{
    /// <summary>Most summaries one seeding call generates.</summary>
    public const int MaxGenerated = 100_000;

    /// <summary>Maps /admin/distdfe/*.</summary>
    public static IEndpointRouteBuilder MapDistributionAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/distdfe");
        group.MapPost("/{cnpj}/documents", Seed);
        group.MapGet("/{cnpj}", (string cnpj, DistributionStore store) => TypedResults.Ok(store.View(cnpj)));
        group.MapGet("/{cnpj}/manifestacoes/{chNFe}", (string cnpj, string chNFe, DistributionStore store) =>
            TypedResults.Ok(store.Manifestacoes(cnpj, chNFe)));
        group.MapPost("/settings", (DistributionSettings settings, DistributionStore store) =>
        {
            if (settings.PageSize is < 1 or > 50 || settings.LatencyMs is < 0 or > 60_000 || settings.QueryLimit < 0)
            {
                return Results.Problem("pageSize 1–50, latencyMs 0–60000, queryLimit ≥ 0.", statusCode: 400, title: "distdfe.invalid_settings");
            }
            store.Settings = settings;
            return Results.Ok(settings);
        });
        group.MapDelete("/", (DistributionStore store) =>
        {
            store.Reset();
            return TypedResults.NoContent();
        });
        return app;
    }

    private static Results<Ok<SeedResult>, ProblemHttpResult> Seed(string cnpj, SeedRequest request, DistributionStore store, TimeProvider time)
    {
        if (!Cnpj.IsValid(cnpj))
        {
            return TypedResults.Problem("Invalid CNPJ.", statusCode: 400, title: "distdfe.invalid_cnpj");
        }
        if (request.Count is < 0 or > MaxGenerated)
        {
            return TypedResults.Problem($"count must be 0–{MaxGenerated}.", statusCode: 400, title: "distdfe.invalid_seed");
        }
        var now = time.GetUtcNow();
        var keys = new List<string>(store.SeedSummaries(cnpj, request.Count, now));
        try
        {
            foreach (var nfe in request.Nfe ?? [])
            {
                keys.Add(store.AddNfe(cnpj, nfe.ProcNFe, nfe.Full, now).chNFe!);
            }
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 400, title: "distdfe.invalid_seed");
        }
        foreach (var evento in request.Events ?? [])
        {
            store.AddEventSummary(cnpj, evento.chNFe, evento.tpEvento ?? "110111", now);
        }
        foreach (var raw in request.Documents ?? [])
        {
            store.AddRaw(cnpj, raw.Schema, raw.chNFe, raw.Xml);
        }
        return TypedResults.Ok(new SeedResult(keys, store.View(cnpj).MaxNsu));
    }

    /// <summary>What to add to a CNPJ's stream.</summary>
    /// <param name="Count">Generated NF-e summaries (resNFe).</param>
    /// <param name="Nfe">NF-e given as nfeProc (resNFe until manifested unless <c>full</c>).</param>
    /// <param name="Events">Event summaries (resEvento) about keys, default type 110111.</param>
    /// <param name="Documents">Documents added as given (schema, xml).</param>
    public sealed record SeedRequest(int Count = 0, IReadOnlyList<SeedNfe>? Nfe = null, IReadOnlyList<SeedEvent>? Events = null,
        IReadOnlyList<SeedRaw>? Documents = null);

    public sealed record SeedNfe(string ProcNFe, bool Full = false);

    public sealed record SeedEvent(string chNFe, string? tpEvento = null);

    public sealed record SeedRaw(string Schema, string Xml, string? chNFe = null);

    public sealed record SeedResult(IReadOnlyList<string> Keys, long MaxNsu);
}
