using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>
/// Admin endpoints of the NFC-e simulation (plain HTTP, loopback): register, revoke and list the CSCs of an emitter
/// CNPJ. The CSC values go in and never come out.
/// </summary>
public static partial class NfceAdminApi
{
    /// <summary>Maps /admin/nfce/{cnpj}/csc.</summary>
    public static IEndpointRouteBuilder MapNfceAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/nfce/{cnpj}/csc");
        group.MapGet("/", List);
        group.MapPut("/{idCsc}", Register);
        group.MapDelete("/{idCsc}", Revoke);
        return app;
    }

    private static Results<Ok<IReadOnlyList<CscView>>, ProblemHttpResult> List(string cnpj, CscRegistry cscs) =>
        InvalidCnpj(cnpj) ?? (Results<Ok<IReadOnlyList<CscView>>, ProblemHttpResult>)TypedResults.Ok(cscs.List(cnpj));

    private static Results<NoContent, ProblemHttpResult> Register(string cnpj, string idCsc, CscRequest? request, CscRegistry cscs,
        ILogger<CscRegistry> logger)
    {
        if ((InvalidCnpj(cnpj) ?? InvalidId(idCsc)) is { } problem)
        {
            return problem;
        }

        if (request?.Csc is not { } csc || !CscShape().IsMatch(csc))
        {
            return TypedResults.Problem("csc must have 16–36 letters and digits.", statusCode: 400, title: "nfce.invalid_csc");
        }

        var id = int.Parse(idCsc, CultureInfo.InvariantCulture);
        cscs.Register(cnpj, id, csc);
        Log.CscRegistered(logger, cnpj, id);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ProblemHttpResult> Revoke(string cnpj, string idCsc, CscRegistry cscs, ILogger<CscRegistry> logger)
    {
        if ((InvalidCnpj(cnpj) ?? InvalidId(idCsc)) is { } problem)
        {
            return problem;
        }

        var id = int.Parse(idCsc, CultureInfo.InvariantCulture);
        if (!cscs.Revoke(cnpj, id))
        {
            return TypedResults.Problem($"CNPJ {cnpj} has no CSC {id}.", statusCode: 404, title: "nfce.csc_not_found");
        }

        Log.CscRevoked(logger, cnpj, id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? InvalidCnpj(string cnpj) =>
        CnpjShape().IsMatch(cnpj)
            ? null
            : TypedResults.Problem("cnpj must have 14 digits.", statusCode: 400, title: "nfce.invalid_cnpj");

    private static ProblemHttpResult? InvalidId(string idCsc) =>
        IdShape().IsMatch(idCsc)
            ? null
            : TypedResults.Problem("idCsc must have 1–6 digits.", statusCode: 400, title: "nfce.invalid_csc_id");

    [GeneratedRegex("^[0-9]{14}$")]
    private static partial Regex CnpjShape();

    [GeneratedRegex("^[0-9]{1,6}$")]
    private static partial Regex IdShape();

    [GeneratedRegex("^[A-Za-z0-9]{16,36}$")]
    private static partial Regex CscShape();
}
