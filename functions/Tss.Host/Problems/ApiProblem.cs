using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tss.Host.Problems;

/// <summary>ProblemDetails with the stable <c>code</c> extension; <c>detail</c> in Brazilian Portuguese.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Create(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: all);
    }

    /// <summary>The same ProblemDetails as an object (for bodies written outside a result, e.g. the auth challenge).</summary>
    public static ProblemDetails Details(int status, string code, string detail) => new()
    {
        Status = status,
        Title = Title(status),
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static string Title(int status) => status switch
    {
        400 => "Requisição inválida",
        401 => "Não autenticado",
        404 => "Não encontrado",
        409 => "Conflito",
        413 => "Requisição grande demais",
        415 => "Tipo de conteúdo não suportado",
        422 => "Documentos recusados",
        429 => "Muitas requisições",
        _ => "Erro",
    };
}
