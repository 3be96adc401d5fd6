using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>The SOAP endpoint for ERPs that integrate the TSS way (POST envelopes, GET ?wsdl). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class SoapFunctions(ApiForwarder api)
{
    [Function("NfeSoap")]
    public Task<IActionResult> NfeSoap([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "soap/nfe")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
