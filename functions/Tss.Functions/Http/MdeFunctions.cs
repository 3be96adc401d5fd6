using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>MD-e: received documents, cursor, sync, query, manifestação and sharing (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class MdeFunctions(ApiForwarder api)
{
    [Function("ListMdeDocuments")]
    public Task<IActionResult> ListMdeDocuments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/documents")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetMdeDocuments")]
    public Task<IActionResult> GetMdeDocuments([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/documents/{chNFe}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetMdeXml")]
    public Task<IActionResult> GetMdeXml([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/documents/{chNFe}/xml")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetMdeXmlByNsu")]
    public Task<IActionResult> GetMdeXmlByNsu([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/documents/by-nsu/{nsu:long}/xml")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetMdeCursor")]
    public Task<IActionResult> GetMdeCursor([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/cursor")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("SyncMde")]
    public Task<IActionResult> SyncMde([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/mde/sync")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("QueryMde")]
    public Task<IActionResult> QueryMde([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/mde/query")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("ManifestMde")]
    public Task<IActionResult> ManifestMde([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/mde/manifestacoes")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetMdeSharing")]
    public Task<IActionResult> GetMdeSharing([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/mde/sharing")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("DecideMdeSharing")]
    public Task<IActionResult> DecideMdeSharing([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/mde/sharing")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
