using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>Contingency state, decision log and an entity's override (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class ContingencyFunctions(ApiForwarder api)
{
    [Function("ListContingency")]
    public Task<IActionResult> ListContingency([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/contingency")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetContingency")]
    public Task<IActionResult> GetContingency([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/contingency/{uf}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("SetEntityContingency")]
    public Task<IActionResult> SetEntityContingency([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/entities/{cnpj}/contingency")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
