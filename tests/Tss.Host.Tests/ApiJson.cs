using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tss.Host.Tests;

internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static HttpContent Documents(params (string Xml, string? ErpId)[] documents) =>
        JsonContent.Create(new { documents = documents.Select(d => new { xml = d.Xml, erpId = d.ErpId }), sync = false }, options: Options);

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) as JsonObject)
        ?? throw new InvalidOperationException("Expected a JSON object.");

    /// <summary>The ProblemDetails code of an error answer.</summary>
    public static async Task<string?> CodeAsync(HttpResponseMessage response) => (await ReadAsync(response))["code"]?.GetValue<string>();

    /// <summary>Polls the status endpoint until the document leaves Pending/InLot (or the deadline passes).</summary>
    public static async Task<JsonObject> WaitForFinalAsync(HttpClient http, string cnpj, string chNFe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await http.GetAsync(new Uri($"/api/v1/entities/{cnpj}/nfe/{chNFe}", UriKind.Relative), TestContext.Current.CancellationToken);
            var body = await ReadAsync(response);
            var status = body["status"]?.GetValue<string>();
            if (status is not ("Pending" or "InLot") || DateTime.UtcNow > deadline)
            {
                return body;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
