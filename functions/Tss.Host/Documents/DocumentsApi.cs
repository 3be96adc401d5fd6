using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Pipeline.Queries;

namespace Tss.Host.Documents;

/// <summary>
/// Read side for ERPs: status by access key and by the ERP's id, listing with filters and paging, the signed XML and
/// the procNFe. Everything is scoped to the caller's tenant; another tenant's documents are "not found".
/// </summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/entities/{cnpj}/nfe")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithName("ListNfe").WithSummary("Lista as NF-e da empresa, com filtros de situação e período e paginação.");
        group.MapGet("/by-erp-id", GetByErpIdAsync).WithName("GetNfeByErpId").WithSummary("Situação de uma NF-e pelo identificador do ERP.");
        group.MapGet("/{chNFe}", GetAsync).WithName("GetNfe").WithSummary("Situação de uma NF-e pela chave de acesso.");
        group.MapGet("/{chNFe}/xml", GetSignedXmlAsync).Produces<string>(200, "application/xml").WithName("GetSignedXml").WithSummary("XML assinado da NF-e.");
        group.MapGet("/{chNFe}/procnfe", GetProcNFeAsync).Produces<string>(200, "application/xml").WithName("GetProcNFe")
            .WithSummary("XML de distribuição (nfeProc) da NF-e autorizada.");
        return app;
    }

    private static async Task<Ok<DocumentSummary>> GetAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        var document = await RequireDocumentAsync(context, cnpj, chNFe, scope, queries, ct);
        return TypedResults.Ok(queries.Describe(document));
    }

    private static async Task<Ok<DocumentSummary>> GetByErpIdAsync(HttpContext context, string cnpj, string? erpId, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        var document = string.IsNullOrEmpty(erpId) ? null : await queries.FindByErpIdAsync(entity.TenantId, entity.Cnpj, erpId, ct);
        return document is null
            ? throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "Nenhuma NF-e com este erpId para esta empresa.")
            : TypedResults.Ok(queries.Describe(document));
    }

    private static async Task<Ok<DocumentListResponse>> ListAsync(
        HttpContext context, string cnpj, string? status, string? from, string? to, int? pageSize, string? continuationToken,
        string? offline, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        DocumentStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = Enum.TryParse<DocumentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)
                ? s
                : throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter,
                    $"status deve ser um de: {string.Join(", ", Enum.GetNames<DocumentStatus>())}.");
        }
        if (offline is not (null or "pending"))
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, "offline aceita somente o valor pending (NFC-e emitidas off-line ainda não autorizadas).");
        }
        if (pageSize is < 1 or > DocumentListQuery.MaxPageSize)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, $"pageSize deve estar entre 1 e {DocumentListQuery.MaxPageSize}.");
        }
        var (receivedFrom, receivedTo) = (Instant(from, "from"), Instant(to, "to"));
        if (receivedFrom > receivedTo)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.DateOutOfRange, "from deve ser anterior ou igual a to.");
        }
        var query = new DocumentListQuery(entity.TenantId, entity.Cnpj, statusFilter, receivedFrom, receivedTo,
            pageSize ?? DocumentListQuery.DefaultPageSize, continuationToken)
        { OfflinePending = offline == "pending" };
        var page = await queries.ListAsync(query, ct);
        return TypedResults.Ok(new DocumentListResponse(page.Documents, page.ContinuationToken));
    }

    private static async Task<ContentHttpResult> GetSignedXmlAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        var document = await RequireDocumentAsync(context, cnpj, chNFe, scope, queries, ct);
        return TypedResults.Content(await queries.GetSignedXmlAsync(document, ct), "application/xml; charset=utf-8");
    }

    private static async Task<ContentHttpResult> GetProcNFeAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        var document = await RequireDocumentAsync(context, cnpj, chNFe, scope, queries, ct);
        var proc = await queries.GetProcNFeAsync(document, ct)
            ?? throw new RequestRefusedException(404, ApiErrorCodes.ProcNotAvailable,
                $"A NF-e ainda não tem XML de distribuição (situação {document.Status}); ele existe somente após a autorização.");
        return TypedResults.Content(proc.ToString(), "application/xml; charset=utf-8");
    }

    private static async Task<DocumentRecord> RequireDocumentAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, DocumentQueries queries, CancellationToken ct)
    {
        EntityInfo entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        var document = await queries.GetAsync(entity.TenantId, chNFe, ct);
        return document is not null && document.Cnpj == entity.Cnpj
            ? document
            : throw new RequestRefusedException(404, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
    }

    /// <summary>Earliest date filter accepted (NF-e did not exist before; Table storage holds nothing before 1601).</summary>
    public static readonly DateTimeOffset EarliestFilter = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Latest date filter accepted (exclusive): the partition scan adds months to the bounds.</summary>
    public static readonly DateTimeOffset LatestFilter = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Instant(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, $"{name} deve ser uma data/hora ISO 8601 (ex.: 2026-11-23T00:00:00-03:00).");
        }
        return value >= EarliestFilter && value < LatestFilter
            ? value
            : throw new RequestRefusedException(400, ApiErrorCodes.DateOutOfRange, $"{name} deve estar entre 2000-01-01 e 2099-12-31.");
    }
}
