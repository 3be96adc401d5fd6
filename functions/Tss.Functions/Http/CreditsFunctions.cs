using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>Licence credits (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class CreditsFunctions(ApiForwarder api)
{
    [Function("GetCredits")]
    public Task<IActionResult> GetCredits([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/credits")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetCreditLedger")]
    public Task<IActionResult> GetCreditLedger([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/credits/ledger")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
