using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>NF-e status, lists, XML, procNFe and DANFE (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class DocumentsFunctions(ApiForwarder api)
{
    [Function("ListNfe")]
    public Task<IActionResult> ListNfe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetNfeByErpId")]
    public Task<IActionResult> GetNfeByErpId([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/by-erp-id")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetNfe")]
    public Task<IActionResult> GetNfe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetSignedXml")]
    public Task<IActionResult> GetSignedXml([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/xml")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetProcNFe")]
    public Task<IActionResult> GetProcNFe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/procnfe")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetDanfe")]
    public Task<IActionResult> GetDanfe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/danfe")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("RetryNfeLot")]
    public Task<IActionResult> RetryNfeLot([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/lot/retry")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
