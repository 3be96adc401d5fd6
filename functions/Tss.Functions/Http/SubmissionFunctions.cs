using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>NF-e submission (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class SubmissionFunctions(ApiForwarder api)
{
    [Function("SubmitNfe")]
    public Task<IActionResult> SubmitNfe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/nfe")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
