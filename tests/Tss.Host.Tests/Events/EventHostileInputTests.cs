using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;

namespace Tss.Host.Tests.Events;

/// <summary>Every event, inutilização and consultation input path answers hostile input with a 4xx and a stable code, storing nothing.</summary>
public sealed class EventHostileInputTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(code, await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Bad_texts_foreign_unknown_and_unauthorized_keys_are_refused_with_their_codes()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var stranger = await host.NewTenantAsync(Cnpj);
        var chNFe = await EventTestSupport.AuthorizeAsync(host, tenant, Cnpj);
        var baseUrl = $"/api/v1/entities/{Cnpj}/nfe/{chNFe}";

        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url(baseUrl + "/cancel"), new { xJust = "curta" }, Ct), HttpStatusCode.BadRequest, "event.invalid_justification");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url(baseUrl + "/cancel"), new { xJust = new string('x', 256) }, Ct), HttpStatusCode.BadRequest, "event.invalid_justification");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url(baseUrl + "/cancel"), new { xJust = "linha um\nlinha dois com quebra" }, Ct), HttpStatusCode.BadRequest, "event.invalid_justification");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url(baseUrl + "/cce"), new { xCorrecao = "curta" }, Ct), HttpStatusCode.BadRequest, "event.invalid_correction");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url(baseUrl + "/cce"), new { xCorrecao = new string('y', 1001) }, Ct), HttpStatusCode.BadRequest, "event.invalid_correction");
        await AssertProblemAsync(await tenant.Http.PostAsync(Url(baseUrl + "/cancel"), new StringContent("{\"xJust\":", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest, "request.malformed_json");
        await AssertProblemAsync(await tenant.Http.PostAsync(Url(baseUrl + "/cancel"), new StringContent("xJust=abc", Encoding.UTF8, "text/plain"), Ct), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await AssertProblemAsync(await tenant.Http.PostAsync(Url(baseUrl + "/cancel"), new StringContent($"{{\"xJust\":\"{new string('z', 20_000)}\"}}", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.RequestEntityTooLarge, "request.too_large");

        // Another tenant's key, an unknown key and a malformed key are all "not found".
        await AssertProblemAsync(await stranger.Http.PostAsJsonAsync(Url(baseUrl + "/cancel"), new { xJust = "Justificativa valida de teste" }, Ct), HttpStatusCode.NotFound, "nfe.not_found");
        await AssertProblemAsync(await stranger.Http.GetAsync(Url(baseUrl + "/events"), Ct), HttpStatusCode.NotFound, "nfe.not_found");
        await AssertProblemAsync(await stranger.Http.GetAsync(Url(baseUrl + "/events/110111/1/procevento"), Ct), HttpStatusCode.NotFound, "nfe.not_found");
        var unknown = chNFe[..25] + "999999999" + chNFe[34..];
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{unknown}/cce"), new { xCorrecao = "Correcao de uma nota que nao existe" }, Ct), HttpStatusCode.NotFound, "nfe.not_found");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/123/cancel"), new { xJust = "Justificativa valida de teste" }, Ct), HttpStatusCode.NotFound, "nfe.not_found");
        await AssertProblemAsync(await tenant.Http.GetAsync(Url(baseUrl + "/events/110111/1/procevento"), Ct), HttpStatusCode.NotFound, "event.not_found");
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{new string('1', 44)}/sefaz"), Ct), HttpStatusCode.BadRequest, "nfe.invalid_key");

        // Nothing was stored by any of these.
        var events = await tenant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url(baseUrl + "/events"), Ct);
        Assert.Empty(events!["events"]!.AsArray());
        Assert.Equal("Authorized", events["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_of_a_document_that_is_not_authorized_is_a_conflict()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await SeedDocumentAsync(tenant.TenantId, "Rejected");

        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cancel"), new { xJust = "Justificativa valida de teste" }, Ct), HttpStatusCode.Conflict, "event.nfe_not_authorized");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cce"), new { xCorrecao = "Correcao de uma nota rejeitada" }, Ct), HttpStatusCode.Conflict, "event.nfe_not_authorized");
    }

    [Fact]
    public async Task A_twenty_first_correction_letter_is_refused_before_reaching_sefaz()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await SeedDocumentAsync(tenant.TenantId, "Authorized");
        var table = Documents;
        var partition = DocumentRecord.PartitionFor(tenant.TenantId, AccessKey.Parse(chNFe));
        foreach (var chunk in Enumerable.Range(1, 20).Chunk(10))
        {
            await table.SubmitTransactionAsync(chunk.Select(n => new TableTransactionAction(TableTransactionActionType.Add, new EventRecord
            {
                PartitionKey = partition,
                RowKey = EventRecord.RowFor(AccessKey.Parse(chNFe), "110110", n),
                TenantId = tenant.TenantId,
                Cnpj = Cnpj,
                chNFe = chNFe,
                tpEvento = "110110",
                nSeqEvento = n,
                Uf = "SP",
                mod = 55,
                tpAmb = 2,
                Status = "Registered",
                cStat = 135,
                xCorrecao = $"Correcao numero {n} ja registrada",
            })), Ct);
        }

        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cce"), new { xCorrecao = "Vigesima primeira correcao da nota" }, Ct), HttpStatusCode.Conflict, "event.sequence_exhausted");
        var events = await tenant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/events"), Ct);
        Assert.Equal(20, events!["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task Inutilizacao_input_is_checked_and_a_voided_range_answers_the_same_record_twice()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var url = Url($"/api/v1/entities/{Cnpj}/inutilizacoes");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(url, new { serie = 1, nNFIni = 10, nNFFin = 5, xJust = "Faixa invertida de teste" }, Ct), HttpStatusCode.BadRequest, "inut.invalid_request");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(url, new { serie = 1000, nNFIni = 1, nNFFin = 5, xJust = "Serie fora do limite" }, Ct), HttpStatusCode.BadRequest, "inut.invalid_request");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(url, new { serie = 1, nNFIni = 1, nNFFin = 5, xJust = "curta" }, Ct), HttpStatusCode.BadRequest, "inut.invalid_request");
        await AssertProblemAsync(await tenant.Http.PostAsJsonAsync(url, new { serie = 1 }, Ct), HttpStatusCode.BadRequest, "inut.invalid_request");
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/inutilizacoes/nada"), Ct), HttpStatusCode.NotFound, "inut.not_found");

        var first = HostFixture.NextNumber() + 500_000;
        var body = new { serie = 7, nNFIni = first, nNFFin = first + 4, xJust = "Numeracao pulada por falha do ERP" };
        using var voided = await tenant.Http.PostAsJsonAsync(url, body, Ct);
        var record = await ApiJson.ReadAsync(voided);
        Assert.True(voided.StatusCode == HttpStatusCode.OK, record.ToJsonString());
        Assert.Equal("Voided", record["status"]!.GetValue<string>());
        Assert.Equal(102, record["cStat"]!.GetValue<int>());
        var id = record["id"]!.GetValue<string>();

        var proc = await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/inutilizacoes/{id}/procinut"), Ct);
        var check = Tss.Protocol.Schemas.NfeSchemas.Shared.Validate(proc, "procInutNFe_v4.00.xsd");
        Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => e.Message)));

        using var again = await tenant.Http.PostAsJsonAsync(url, body, Ct);
        Assert.Equal(record["nProt"]!.GetValue<string>(), (await ApiJson.ReadAsync(again))["nProt"]!.GetValue<string>());
        var stranger = await host.NewTenantAsync(Cnpj);
        await AssertProblemAsync(await stranger.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/inutilizacoes/{id}"), Ct), HttpStatusCode.NotFound, "inut.not_found");
    }

    [Fact]
    public async Task Status_is_cached_and_cadastro_and_soap_answer()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var first = await tenant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url($"/api/v1/entities/{Cnpj}/sefaz/status"), Ct);
        var second = await tenant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url($"/api/v1/entities/{Cnpj}/sefaz/status"), Ct);
        Assert.Equal(107, second!["cStat"]!.GetValue<int>());
        Assert.True(second["fromCache"]!.GetValue<bool>());
        Assert.Equal(first!["nextAskAt"]!.ToString(), second["nextAskAt"]!.ToString());

        Assert.Equal(55, second["mod"]!.GetValue<int>());

        // The NFC-e authorizer has its own status and its own 3-minute window.
        var nfce = await tenant.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url($"/api/v1/entities/{Cnpj}/sefaz/status?mod=65"), Ct);
        Assert.Equal(65, nfce!["mod"]!.GetValue<int>());
        Assert.Equal(107, nfce["cStat"]!.GetValue<int>());
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/sefaz/status?mod=57"), Ct), HttpStatusCode.BadRequest, "request.invalid_mod");
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/sefaz/status?mod=abc"), Ct), HttpStatusCode.BadRequest, "http.400");

        using var cadastro = await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/cadastro?cnpj={Cnpj}"), Ct);
        var cad = await ApiJson.ReadAsync(cadastro);
        Assert.True(cadastro.StatusCode == HttpStatusCode.OK, cad.ToJsonString());
        Assert.Contains(cad["cStat"]!.GetValue<int>(), new[] { 111, 259 });
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/cadastro?cnpj={Cnpj}&ie=123456"), Ct), HttpStatusCode.BadRequest, "cadastro.invalid_query");
        await AssertProblemAsync(await tenant.Http.GetAsync(Url($"/api/v1/entities/{Cnpj}/cadastro?cnpj={Cnpj}&uf=XX"), Ct), HttpStatusCode.BadRequest, "cadastro.invalid_query");

        using var soap = host.Client(tenant.ApiKey);
        const string ns = "urn:tss-functions:nfe:v1";
        using var content = new StringContent($"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Cancel xmlns=\"{ns}\"><cnpj>{Cnpj}</cnpj><chNFe>{new string('1', 44)}</chNFe><xJust>curta</xJust></Cancel></s:Body></s:Envelope>", Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", $"\"{ns}/NfeService/Cancel\"");
        using var fault = await soap.PostAsync(Url("/soap/nfe"), content, Ct);
        Assert.Contains("<Code>nfe.not_found</Code>", await fault.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var status = new StringContent($"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><ServiceStatus xmlns=\"{ns}\"><cnpj>{Cnpj}</cnpj></ServiceStatus></s:Body></s:Envelope>", Encoding.UTF8, "text/xml");
        status.Headers.Add("SOAPAction", $"\"{ns}/NfeService/ServiceStatus\"");
        using var statusReply = await soap.PostAsync(Url("/soap/nfe"), status, Ct);
        var statusXml = await statusReply.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<cStat>107</cStat>", statusXml, StringComparison.Ordinal);
    }

    private TableClient Documents => host.Services.GetRequiredService<StorageClients>().GetTable(host.Pipeline.DocumentsTable);

    /// <summary>A document row in the given state (for states the simulator does not produce on demand).</summary>
    private async Task<string> SeedDocumentAsync(string tenantId, string status)
    {
        var xml = host.SampleNfe(Cnpj);
        var chNFe = System.Text.RegularExpressions.Regex.Match(xml, "Id=\"NFe([0-9]{44})\"").Groups[1].Value;
        await Documents.AddEntityAsync(new DocumentRecord
        {
            PartitionKey = DocumentRecord.PartitionFor(tenantId, AccessKey.Parse(chNFe)),
            RowKey = chNFe,
            TenantId = tenantId,
            Cnpj = Cnpj,
            mod = 55,
            tpAmb = 2,
            Uf = "SP",
            Status = status,
            nProt = status == "Authorized" ? "135260000000001" : null,
            cStat = status == "Authorized" ? 100 : 225,
        }, Ct);
        return chNFe;
    }
}
