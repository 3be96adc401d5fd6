using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Tss.Functions.Http;

/// <summary>Events (cancelamento, CC-e), inutilização and SEFAZ consultations (REST). Each function forwards to the local host's handler of the same method and route (<see cref="ApiForwarder"/>).</summary>
public sealed class EventsFunctions(ApiForwarder api)
{
    [Function("CancelNfe")]
    public Task<IActionResult> CancelNfe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/cancel")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("CorrectNfe")]
    public Task<IActionResult> CorrectNfe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/cce")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("ListNfeEvents")]
    public Task<IActionResult> ListNfeEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/events")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetProcEventoNFe")]
    public Task<IActionResult> GetProcEventoNFe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/events/{tpEvento}/{nSeqEvento:int}/procevento")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("InutilizeNumbers")]
    public Task<IActionResult> InutilizeNumbers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities/{cnpj}/inutilizacoes")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetInutilizacao")]
    public Task<IActionResult> GetInutilizacao([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/inutilizacoes/{id}")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("GetProcInutNFe")]
    public Task<IActionResult> GetProcInutNFe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/inutilizacoes/{id}/procinut")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("ConsultNfeProtocol")]
    public Task<IActionResult> ConsultNfeProtocol([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/nfe/{chNFe}/sefaz")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("SefazStatus")]
    public Task<IActionResult> SefazStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/sefaz/status")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);

    [Function("ConsultCadastro")]
    public Task<IActionResult> ConsultCadastro([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{cnpj}/cadastro")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        api.ForwardAsync(request, client);
}
