using Tss.DevTools.Samples;

namespace Tss.Functions.Tests.Parity;

/// <summary>
/// One table of requests — happy paths and refusals — sent to the local host over HTTP and to the Functions app's
/// HTTP functions in-process; every answer must match (status, media type, code, body shape, replay). Each side gets
/// its own document numbers and idempotency keys, so neither sees the other's request as a replay.
/// </summary>
public sealed class ParityTests(ParityFixture fixture) : IClassFixture<ParityFixture>
{
    private static int _nNF = 5000;

    /// <summary>The table: a name and the request for one side ("local" or "fn").</summary>
    private IEnumerable<(string Name, Func<string, ParityRequest> Request)> Cases()
    {
        var key = fixture.Tenant.ApiKey;
        var nfe = $"/api/v1/entities/{fixture.Cnpj}/nfe";
        var unknownKey = "35" + new string('1', 42);
        var envelope = (string op, string parameters) =>
            $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><{op} xmlns=\"{ParityRequest.SoapNamespace}\">{parameters}</{op}></s:Body></s:Envelope>";

        yield return ("credits without an API key", _ => ParityRequest.Get("/api/v1/credits", null));
        yield return ("credits with an unknown API key", _ => ParityRequest.Get("/api/v1/credits", "tss_unknown_0000000000000000000000"));
        yield return ("credits", _ => ParityRequest.Get("/api/v1/credits", key));
        yield return ("credit ledger", _ => ParityRequest.Get("/api/v1/credits/ledger", key));
        yield return ("submit one NF-e as XML", _ => ParityRequest.Post(nfe, key, "application/xml", Sample()));
        yield return ("submit with an Idempotency-Key", side => ParityRequest.Post(nfe, key, "application/xml", Sample(), "parity-" + side));
        yield return ("the same Idempotency-Key again is a replay", side => ParityRequest.Post(nfe, key, "application/xml", Sample(), "parity-" + side));
        yield return ("submit as JSON", _ => ParityRequest.Post(nfe, key, "application/json",
            System.Text.Json.JsonSerializer.Serialize(new { documents = new[] { new { xml = Sample(), erpId = "P-" + NextNumber() } } })));
        yield return ("submit for an entity of no tenant of the key", _ => ParityRequest.Post($"/api/v1/entities/{fixture.OtherCnpj}/nfe", key, "application/xml", Sample()));
        yield return ("submit malformed XML", _ => ParityRequest.Post(nfe, key, "application/xml", "<NFe><infNFe>"));
        yield return ("submit XML with a DOCTYPE", _ => ParityRequest.Post(nfe, key, "application/xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><NFe>&e;</NFe>"));
        yield return ("submit an oversized body", _ => ParityRequest.Post(nfe, key, "application/xml", "<NFe>" + new string(' ', 70_000) + "</NFe>"));
        yield return ("submit an unsupported media type", _ => ParityRequest.Post(nfe, key, "text/plain", "hello"));
        yield return ("list NF-e", _ => ParityRequest.Get(nfe + "?status=pending", key));
        yield return ("status of an unknown key", _ => ParityRequest.Get($"{nfe}/{unknownKey}", key));
        yield return ("status by an unknown ERP id", _ => ParityRequest.Get($"{nfe}/by-erp-id?erpId=none", key));
        yield return ("procNFe of an unknown key", _ => ParityRequest.Get($"{nfe}/{unknownKey}/procnfe", key));
        yield return ("DANFE of an unknown key", _ => ParityRequest.Get($"{nfe}/{unknownKey}/danfe", key));
        yield return ("cancel an unknown NF-e", side => ParityRequest.Post($"{nfe}/{unknownKey}/cancel", key, "application/json",
            "{\"xJust\":\"Cancelamento de teste de paridade\"}", "cancel-" + side));
        yield return ("cancel with malformed JSON", _ => ParityRequest.Post($"{nfe}/{unknownKey}/cancel", key, "application/json", "{\"xJust\":"));
        yield return ("events of an unknown NF-e", _ => ParityRequest.Get($"{nfe}/{unknownKey}/events", key));
        yield return ("an unknown inutilização", _ => ParityRequest.Get($"/api/v1/entities/{fixture.Cnpj}/inutilizacoes/none", key));
        yield return ("SEFAZ service status", _ => ParityRequest.Get($"/api/v1/entities/{fixture.Cnpj}/sefaz/status", key));
        yield return ("MD-e cursor", _ => ParityRequest.Get($"/api/v1/entities/{fixture.Cnpj}/mde/cursor", key));
        yield return ("MD-e documents of an entity of no tenant of the key", _ => ParityRequest.Get($"/api/v1/entities/{fixture.OtherCnpj}/mde/documents", key));
        yield return ("SOAP WSDL", _ => ParityRequest.Get("/soap/nfe?wsdl", null));
        yield return ("SOAP status of an unknown key", _ => ParityRequest.Soap(key, "GetStatus", envelope("GetStatus", $"<cnpj>{fixture.Cnpj}</cnpj><chNFe>{unknownKey}</chNFe>")));
        yield return ("SOAP without an API key", _ => ParityRequest.Soap(null, "GetStatus", envelope("GetStatus", $"<cnpj>{fixture.Cnpj}</cnpj><chNFe>{unknownKey}</chNFe>")));
        yield return ("SOAP malformed envelope", _ => ParityRequest.Soap(key, "Submit", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"));
        yield return ("SOAP submit", _ => ParityRequest.Soap(key, "Submit", envelope("Submit",
            $"<cnpj>{fixture.Cnpj}</cnpj><documents><SoapDocument><xml>{System.Security.SecurityElement.Escape(Sample())}</xml></SoapDocument></documents><sync>false</sync>")));
    }

    [Fact]
    public async Task Every_request_of_the_table_gets_the_same_answer_from_the_HTTP_functions_as_from_the_local_host()
    {
        var mismatches = new List<string>();
        var count = 0;
        foreach (var (name, request) in Cases())
        {
            var local = await fixture.SendLocalAsync(request("local"));
            var functions = await fixture.Functions.SendAsync(request("fn"));
            count++;
            if (local != functions)
            {
                mismatches.Add($"{name}:\n  local: {local}\n  fn:    {functions}");
            }
        }
        Assert.True(count >= 25, $"only {count} cases");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {count} answers differ:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public async Task The_table_covers_refusals_and_successes_of_the_REST_API_and_the_SOAP_endpoint()
    {
        var statuses = new List<int>();
        foreach (var (_, request) in Cases())
        {
            statuses.Add((await fixture.SendLocalAsync(request("cover"))).Status);
        }
        Assert.Contains(statuses, s => s is 200 or 202);
        Assert.Contains(401, statuses);
        Assert.Contains(404, statuses);
        Assert.Contains(413, statuses);
        Assert.Contains(415, statuses);
        Assert.Contains(statuses, s => s is 400 or 422);
    }

    [Fact]
    public void Every_request_of_the_table_is_answered_by_an_HTTP_function_of_its_method_and_route()
    {
        var unmatched = Cases().Select(c => c.Request("fn")).Where(r => HttpFunctionInvoker.Match(r) is null).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Empty(unmatched);
    }

    private string Sample() => SampleNfe.Create(new SampleNfeOptions { EmitCnpj = fixture.Cnpj, nNF = NextNumber() });

    private static int NextNumber() => Interlocked.Increment(ref _nNF);
}
