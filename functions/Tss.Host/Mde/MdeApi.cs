using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Host.Problems;
using Tss.Mde;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Protocol;
using Tss.Mde.Queries;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Pipeline.Events;
using Tss.Protocol.AccessKeys;

namespace Tss.Host.Mde;

/// <summary>
/// MD-e for ERPs and the portal: documents received from SEFAZ (list, by key, XML), the cursor, a sync now (obeys every
/// block), on-demand queries (≤ 20/h) and manifestação. Refusals that protect the CNPJ answer 429 with the TSS 003
/// message and Retry-After, without calling SEFAZ.
/// </summary>
public static class MdeApi
{
    private const int Model = 55;
    private const int MaxPage = 500;

    public static IEndpointRouteBuilder MapMdeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/entities/{cnpj}/mde")
            .RequireAuthorization()
            .AddEndpointFilter(RejectionFilter.InvokeAsync)
            .AddEndpointFilter(MdeRefusals)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/documents", ListAsync).WithName("ListMdeDocuments").WithSummary("Documentos recebidos da SEFAZ (resNFe, procNFe, resEvento, procEventoNFe) após um NSU.");
        group.MapGet("/documents/{chNFe}", ByKeyAsync).WithName("GetMdeDocuments").WithSummary("Documentos recebidos sobre uma chave de acesso.");
        group.MapGet("/documents/{chNFe}/xml", KeyXmlAsync).Produces<string>(200, "application/xml").WithName("GetMdeXml")
            .WithSummary("XML mais completo recebido para a chave (procNFe se houver, senão resNFe).");
        group.MapGet("/documents/by-nsu/{nsu:long}/xml", NsuXmlAsync).Produces<string>(200, "application/xml").WithName("GetMdeXmlByNsu")
            .WithSummary("XML do documento de um NSU.");
        group.MapGet("/cursor", CursorAsync).WithName("GetMdeCursor").WithSummary("Situação da sincronização (ultNSU, maxNSU, bloqueios, consultas na hora).");
        group.MapPost("/sync", SyncAsync).ProducesProblem(StatusCodes.Status429TooManyRequests).WithName("SyncMde")
            .WithSummary("Sincroniza agora (respeita os bloqueios da NT 2014.002).");
        group.MapPost("/query", QueryAsync).ProducesProblem(StatusCodes.Status429TooManyRequests).WithName("QueryMde")
            .WithSummary("Consulta por chave (consChNFe) ou NSU (consNSU); no máximo 20 por hora.");
        group.MapPost("/manifestacoes", ManifestAsync).WithName("ManifestMde")
            .WithSummary("Manifestação do destinatário: 210200, 210210, 210220 ou 210240 (com xJust).");
        group.MapGet("/sharing", SharingAsync).WithName("GetMdeSharing")
            .WithSummary("Compartilhamento do histórico de MD-e da empresa com outros clientes que cadastraram o mesmo CNPJ (pedidos e decisões).");
        group.MapPost("/sharing", DecideAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DecideMdeSharing").WithSummary("Autoriza (grant) ou recusa (deny) o histórico a outro cliente com o mesmo CNPJ; só quem já tem o histórico.");
        return app;
    }

    private static async Task<Ok<MdeDocumentListResponse>> ListAsync(HttpContext context, string cnpj, long? since, string? type, int? pageSize,
        EntityScope scope, MdeAccess access, MdeDocumentStore documents, CancellationToken ct)
    {
        var (entity, _) = await RequireAsync(context, cnpj, scope, access, ct);
        DocumentType? filter = null;
        if (type is not null)
        {
            filter = Enum.TryParse<DocumentType>(type, ignoreCase: true, out var t) && Enum.IsDefined(t)
                ? t
                : throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, $"type deve ser um de: {string.Join(", ", Enum.GetNames<DocumentType>())}.");
        }
        if (since is < 0 or > DistDFeRequests.MaxNsu)
        {
            throw new RequestRefusedException(400, MdeErrorCodes.InvalidNsu, "since deve ser um NSU entre 0 e 999999999999999.");
        }
        if (pageSize is < 1 or > MaxPage)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidFilter, $"pageSize deve estar entre 1 e {MaxPage}.");
        }
        var take = pageSize ?? 100;
        var rows = await documents.ListAsync(entity.TenantId, entity.Cnpj, since ?? 0, filter, take, ct);
        return TypedResults.Ok(new MdeDocumentListResponse([.. rows.Select(MdeDocumentSummary.From)], rows.Count == take ? rows[^1].Nsu : null));
    }

    private static async Task<Ok<IReadOnlyList<MdeDocumentSummary>>> ByKeyAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope,
        MdeAccess access, MdeDocumentStore documents, CancellationToken ct)
    {
        var rows = await RequireKeyAsync(context, cnpj, chNFe, scope, access, documents, ct);
        return TypedResults.Ok<IReadOnlyList<MdeDocumentSummary>>([.. rows.Select(MdeDocumentSummary.From)]);
    }

    private static async Task<ContentHttpResult> KeyXmlAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, MdeAccess access,
        MdeDocumentStore documents, CancellationToken ct)
    {
        var rows = await RequireKeyAsync(context, cnpj, chNFe, scope, access, documents, ct);
        var best = rows.LastOrDefault(r => r.Type == nameof(DocumentType.ProcNFe)) ?? rows.LastOrDefault(r => r.Type == nameof(DocumentType.ResNFe))
            ?? rows[^1];
        return TypedResults.Content(await documents.ReadXmlAsync(best, ct), "application/xml; charset=utf-8");
    }

    private static async Task<ContentHttpResult> NsuXmlAsync(HttpContext context, string cnpj, long nsu, EntityScope scope, MdeAccess access,
        MdeDocumentStore documents, CancellationToken ct)
    {
        var (entity, _) = await RequireAsync(context, cnpj, scope, access, ct);
        var row = await documents.FindByNsuAsync(entity.TenantId, entity.Cnpj, nsu, ct)
            ?? throw new RequestRefusedException(404, MdeErrorCodes.DocumentNotFound, $"Nenhum documento recebido com NSU {nsu}.");
        return TypedResults.Content(await documents.ReadXmlAsync(row, ct), "application/xml; charset=utf-8");
    }

    private static async Task<Ok<MdeCursorResponse>> CursorAsync(HttpContext context, string cnpj, EntityScope scope, MdeAccess access, CursorStore cursors,
        CancellationToken ct)
    {
        var (entity, member) = await RequireAsync(context, cnpj, scope, access, ct);
        var c = await cursors.GetOrCreateAsync(entity, Model, ct);
        // The NSUs, the count and SEFAZ's last words describe the company's history: only for those who hold it.
        var holder = member.IsHolder;
        return TypedResults.Ok(new MdeCursorResponse(c.Cnpj, c.Model, holder ? c.UltNsu : null, holder ? c.MaxNsu : null, c.SyncBlockedUntil, c.BlockedUntil,
            c.QueryWindowStart, c.QueryCount, holder ? c.LastCStat : null, holder ? c.LastXMotivo : null, c.LastSyncAt, c.NextRunAt,
            holder ? c.DocumentCount : null, member.History, member.FromNsu));
    }

    /// <summary>"Sync now": a pass of the cursor's orchestration, awaited for a bounded time ("Requested" when it goes on).</summary>
    private static async Task<Ok<MdeSyncResponse>> SyncAsync(HttpContext context, string cnpj, EntityScope scope, MdeAccess access, MdeSyncService sync,
        CancellationToken ct)
    {
        var (entity, member) = await RequireAsync(context, cnpj, scope, access, ct);
        var result = await sync.SyncNowAsync(entity, Model, ct);
        if (result.Status == SyncStatus.Blocked && result.RetryAfter is { } until)
        {
            throw BlockedMessage.Exception(until);
        }
        if (result.Status == SyncStatus.Busy)
        {
            throw new MdeException(MdeErrorCodes.Busy, "Uma sincronização desta empresa com a SEFAZ já está em andamento.");
        }
        return TypedResults.Ok(new MdeSyncResponse(result.Status.ToString(), result.Calls, result.NewDocuments,
            member.IsHolder ? result.Cursor.UltNsu : null, member.IsHolder ? result.Cursor.MaxNsu : null, result.Cursor.NextRunAt));
    }

    private static async Task<Ok<MdeQueryResult>> QueryAsync(HttpContext context, string cnpj, MdeQueryRequest body, EntityScope scope,
        MdeAccess access, MdeQueryService queries, CancellationToken ct)
    {
        var (entity, _) = await RequireAsync(context, cnpj, scope, access, ct);
        return TypedResults.Ok(await queries.QueryAsync(entity, Model, new MdeQuery(body?.chNFe, body?.Nsu), ct));
    }

    private static async Task<Ok<ManifestacaoResult>> ManifestAsync(HttpContext context, string cnpj, MdeManifestacaoRequest body, EntityScope scope,
        MdeAccess access, ManifestacaoService manifestacao, CancellationToken ct)
    {
        var (entity, _) = await RequireAsync(context, cnpj, scope, access, ct);
        return TypedResults.Ok(await manifestacao.SendAsync(entity, body?.chNFe ?? "", body?.tpEvento ?? "", body?.xJust, ct));
    }

    private static async Task<Ok<MdeSharingView>> SharingAsync(HttpContext context, string cnpj, EntityScope scope, MdeAccess access, MdeSharingService sharing,
        CancellationToken ct)
    {
        var (entity, member) = await RequireAsync(context, cnpj, scope, access, ct);
        return TypedResults.Ok(await sharing.ViewAsync(entity, member, ct));
    }

    private static async Task<Ok<MdeSharingRequest>> DecideAsync(HttpContext context, string cnpj, MdeSharingDecisionRequest body, EntityScope scope,
        MdeAccess access, MdeSharingService sharing, CancellationToken ct)
    {
        var (entity, member) = await RequireAsync(context, cnpj, scope, access, ct);
        var grant = body?.Decision switch
        {
            "grant" => true,
            "deny" => false,
            _ => throw new MdeException(MdeErrorCodes.InvalidSharingDecision, "decision deve ser \"grant\" (autorizar) ou \"deny\" (recusar)."),
        };
        if (string.IsNullOrEmpty(body!.TenantId) || body.TenantId.Length > 64)
        {
            throw new MdeException(MdeErrorCodes.InvalidSharingDecision, "Informe tenantId, o cliente sobre o qual decidir.");
        }
        return TypedResults.Ok(await sharing.DecideAsync(entity.Cnpj, entity.tpAmb, body.TenantId, grant, member, "tenant:" + entity.TenantId, ct));
    }

    /// <summary>The caller's entity (404 for another tenant's CNPJ) once it has proved the CNPJ for MD-e (403 otherwise).</summary>
    private static async Task<(EntityInfo Entity, MdeMember Member)> RequireAsync(HttpContext context, string cnpj, EntityScope scope, MdeAccess access,
        CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        return (entity, await access.RequireAsync(entity, Model, ct));
    }

    private static async Task<IReadOnlyList<MdeDocumentRecord>> RequireKeyAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope,
        MdeAccess access, MdeDocumentStore documents, CancellationToken ct)
    {
        var (entity, _) = await RequireAsync(context, cnpj, scope, access, ct);
        if (!AccessKey.TryParse(chNFe, out _, out _))
        {
            throw new RequestRefusedException(400, MdeErrorCodes.InvalidChNFe, "chNFe inválida (44 dígitos com dígito verificador correto).");
        }
        var rows = await documents.FindByKeyAsync(entity.TenantId, entity.Cnpj, chNFe, ct);
        return rows.Count > 0 ? rows : throw new RequestRefusedException(404, MdeErrorCodes.DocumentNotFound, "Nenhum documento recebido para esta chave.");
    }

    /// <summary>MD-e refusals as ProblemDetails: blocks → 429 + Retry-After, busy or a grant taken back → 409, no certificate of
    /// its own or not a holder of the history → 403, unknown sharing request → 404, SEFAZ down → 503, the rest → 400.</summary>
    private static async ValueTask<object?> MdeRefusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (MdeException e)
        {
            var status = e.Code switch
            {
                MdeErrorCodes.Blocked => 429,
                MdeErrorCodes.Busy or MdeErrorCodes.SharingAlreadyGranted => 409,
                MdeErrorCodes.CertificateRequired or MdeErrorCodes.SharingNotHolder => 403,
                MdeErrorCodes.SharingRequestNotFound => 404,
                MdeErrorCodes.SefazUnavailable => 503,
                _ => 400,
            };
            var extensions = new Dictionary<string, object?>();
            if (e.RetryAfter is { } until)
            {
                var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var seconds = Math.Max(1, (long)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                extensions["retryAfter"] = until;
            }
            return ApiProblem.Create(status, e.Code, e.Message, extensions);
        }
    }
}
