using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tss.Mde.Tests.Security;
using Tss.Protocol.Parties;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Mde.Tests.Integration;

/// <summary>The MD-e REST endpoints in the real host (API keys, tenancy, certificate store) against the simulator.</summary>
public sealed class MdeApiTests : IAsyncLifetime
{
    private readonly string _cnpj = Cnpj.WithCheckDigits("334445550001");
    private SharingHost _host = null!;
    private HttpClient _http = null!;
    private HttpClient _stranger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SharingHost.StartAsync();
        _http = await ClientAsync(_cnpj);
        _stranger = await ClientAsync();
    }

    private async Task<HttpClient> ClientAsync(params string[] cnpjs) => (await _host.TenantAsync("Destinatário de Teste", cnpjs)).Http;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string Mde(string path) => $"/api/v1/entities/{_cnpj}/mde{path}";

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    [Fact]
    public async Task Sync_lists_documents_then_refuses_inside_the_hour_with_the_003_message_and_manifests_ciencia()
    {
        using var seeded = await _host.Admin.PostAsJsonAsync($"/admin/distdfe/{_cnpj}/documents", new { count = 12 }, Ct);
        var keys = (await JsonAsync(seeded))["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();

        using var sync = await _http.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        Assert.Equal(12, (await JsonAsync(sync))["newDocuments"]!.GetValue<int>());

        using var list = await _http.GetAsync(Mde("/documents?since=5&type=resNFe&pageSize=3"), Ct);
        var page = await JsonAsync(list);
        Assert.Equal([6L, 7L, 8L], page["documents"]!.AsArray().Select(d => d!["nsu"]!.GetValue<long>()));
        Assert.Equal(8, page["nextSince"]!.GetValue<long>());
        var xml = await _http.GetStringAsync(Mde($"/documents/{keys[0]}/xml"), Ct);
        Assert.StartsWith("<resNFe", xml, StringComparison.Ordinal);

        using var again = await _http.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal((HttpStatusCode)429, again.StatusCode);
        var problem = await JsonAsync(again);
        Assert.Equal(MdeErrorCodes.Blocked, problem["code"]!.GetValue<string>());
        Assert.Matches(@"^003 - Serviço temporariamente bloqueado para evitar o Uso Indevido e bloqueio de CNPJ\. Por favor voltar a tentar após as \d\d:\d\d:\d\d de \d\d/\d\d/\d{4}$",
            problem["detail"]!.GetValue<string>());
        Assert.NotNull(again.Headers.RetryAfter);

        using var ciencia = await _http.PostAsJsonAsync(Mde("/manifestacoes"), new { chNFe = keys[0], tpEvento = "210210" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ciencia.StatusCode);
        Assert.Equal(135, (await JsonAsync(ciencia))["cStat"]!.GetValue<int>());
        Assert.Contains("210210", await _host.Admin.GetFromJsonAsync<List<string>>($"/admin/distdfe/{_cnpj}/manifestacoes/{keys[0]}", Ct) ?? []);

        using var cursor = await _http.GetAsync(Mde("/cursor"), Ct);
        Assert.Equal(12, (await JsonAsync(cursor))["ultNsu"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/query", "{}", 400, MdeErrorCodes.InvalidQuery)]
    [InlineData("/query", "{\"chNFe\":\"123\"}", 400, MdeErrorCodes.InvalidChNFe)]
    [InlineData("/query", "{\"nsu\":-4}", 400, MdeErrorCodes.InvalidNsu)]
    [InlineData("/manifestacoes", "{\"chNFe\":\"35261198765432000198550010000000071123456708\",\"tpEvento\":\"210240\"}", 400, MdeErrorCodes.InvalidXJust)]
    [InlineData("/manifestacoes", "{\"chNFe\":\"1\",\"tpEvento\":\"999999\"}", 400, MdeErrorCodes.InvalidTpEvento)]
    public async Task Malformed_requests_get_a_400_with_a_stable_code_and_reach_no_SEFAZ(string path, string body, int status, string code)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Mde(path), content, Ct);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await JsonAsync(response))["code"]!.GetValue<string>());
        Assert.Equal(0, (await _host.Admin.GetFromJsonAsync<JsonObject>($"/admin/distdfe/{_cnpj}", Ct))!["requests"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_tenants_asking_to_sync_one_cnpj_at_once_share_one_orchestration_and_one_SEFAZ_call_stream()
    {
        var twin = await ClientAsync(_cnpj);
        using var seeded = await _host.Admin.PostAsJsonAsync($"/admin/distdfe/{_cnpj}/documents", new { count = 120 }, Ct);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);

        var answers = await Task.WhenAll(new[] { _http, twin }.Select(client => client.PostAsync(Mde("/sync"), null, Ct)));

        // One answers with the pass, the other either with the same cursor's pass or the hour's wait that pass started.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or (HttpStatusCode)429, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var instances = new List<Microsoft.DurableTask.Client.OrchestrationMetadata>();
        await foreach (var instance in _host.Get<Microsoft.DurableTask.Client.DurableTaskClient>()
            .GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { InstanceIdPrefix = "mde:" + _cnpj }))
        {
            instances.Add(instance);
        }
        Assert.Equal(Tss.Orchestrations.Mde.DurableMdeCursorRunner.InstanceIdFor(_cnpj, 55, 2), Assert.Single(instances).InstanceId);
        foreach (var client in new[] { _http, twin })
        {
            var page = await JsonAsync(await client.GetAsync(Mde("/documents?pageSize=500"), Ct));
            Assert.Equal(Enumerable.Range(1, 120).Select(n => (long)n), page["documents"]!.AsArray().Select(d => d!["nsu"]!.GetValue<long>()));
        }
        var party = (await _host.Admin.GetFromJsonAsync<JsonObject>($"/admin/distdfe/{_cnpj}", Ct))!;
        Assert.Empty(party["violations"]!.AsArray());
        Assert.Equal(1, party["maxConcurrentRequests"]!.GetValue<int>());
        Assert.Equal(3, party["requests"]!.GetValue<int>());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
        twin.Dispose();
    }

    [Fact]
    public async Task Two_tenants_holding_the_cnpj_before_its_first_sync_share_one_cursor_and_both_receive_every_document_without_a_656()
    {
        // A staging tenant and a production tenant of the same company, say, each with the company's certificate: SEFAZ
        // sees one CNPJ. Both held it before the first document arrived, so nothing is history for either of them.
        var twin = await ClientAsync(_cnpj);
        using var seeded = await _host.Admin.PostAsJsonAsync($"/admin/distdfe/{_cnpj}/documents", new { count = 7 }, Ct);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);

        using var first = await _http.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The twin's sync inside the hour is refused by us (the shared cursor is blocked), not sent to SEFAZ.
        using var second = await twin.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);

        foreach (var client in new[] { _http, twin })
        {
            var page = await JsonAsync(await client.GetAsync(Mde("/documents?pageSize=50"), Ct));
            Assert.Equal(Enumerable.Range(1, 7).Select(n => (long)n), page["documents"]!.AsArray().Select(d => d!["nsu"]!.GetValue<long>()));
        }
        Assert.Equal(7, (await JsonAsync(await _http.GetAsync(Mde("/cursor"), Ct)))["ultNsu"]!.GetValue<long>());
        // The twin shares the cursor from NSU 0 on but does not hold the company's history (it was not granted).
        var twinCursor = await JsonAsync(await twin.GetAsync(Mde("/cursor"), Ct));
        Assert.Equal(("Pending", 0L), (twinCursor["history"]!.GetValue<string>(), twinCursor["fromNsu"]!.GetValue<long>()));
        var party = (await _host.Admin.GetFromJsonAsync<JsonObject>($"/admin/distdfe/{_cnpj}", Ct))!;
        Assert.Empty(party["violations"]!.AsArray());
        Assert.Equal(1, party["requests"]!.GetValue<int>());
        twin.Dispose();
    }

    [Fact]
    public async Task A_tenant_that_registers_the_cnpj_later_gets_only_what_the_shared_cursor_fetches_after_it_joined()
    {
        using var seeded = await _host.Admin.PostAsJsonAsync($"/admin/distdfe/{_cnpj}/documents", new { count = 5 }, Ct);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        using var first = await _http.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var late = await ClientAsync(_cnpj);
        // Inside the hour SEFAZ is not asked, and the newcomer is given nothing of what came before (no grant).
        using var blocked = await late.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        Assert.Empty(await NsusAsync(late));

        // A third tenant joins without calling anything: the next answer with documents finds it.
        using var third = await ClientAsync(_cnpj);

        // After the hour, the next answer reaches every tenant that proved the CNPJ.
        using var more = await _host.Admin.PostAsJsonAsync($"/admin/distdfe/{_cnpj}/documents", new { count = 2 }, Ct);
        var until = DateTimeOffset.Parse((await JsonAsync(await _http.GetAsync(Mde("/cursor"), Ct)))["syncBlockedUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        while (_host.Time.GetUtcNow() <= until)
        {
            await Task.Delay(200, Ct);
        }
        using var next = await _http.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(new long[] { 6, 7 }, await NsusAsync(late));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, await NsusAsync(_http));
        Assert.Equal(new long[] { 6, 7 }, await NsusAsync(third));
        Assert.Empty((await _host.Admin.GetFromJsonAsync<JsonObject>($"/admin/distdfe/{_cnpj}", Ct))!["violations"]!.AsArray());
    }

    private async Task<long[]> NsusAsync(HttpClient client) =>
        [.. (await JsonAsync(await client.GetAsync(Mde("/documents?pageSize=50"), Ct)))["documents"]!.AsArray().Select(d => d!["nsu"]!.GetValue<long>())];

    [Fact]
    public async Task Another_tenant_gets_404_on_every_MD_e_endpoint()
    {
        foreach (var path in new[] { "/documents", "/cursor", "/documents/by-nsu/1/xml", "/sharing" })
        {
            using var response = await _stranger.GetAsync(Mde(path), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var sync = await _stranger.PostAsync(Mde("/sync"), null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, sync.StatusCode);
    }
}
