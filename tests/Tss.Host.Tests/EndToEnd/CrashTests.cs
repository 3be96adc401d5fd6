using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using static Tss.Host.Tests.EndToEnd.EndToEndTests;

namespace Tss.Host.Tests.EndToEnd;

/// <summary>
/// The host process is killed (SIGKILL: no shutdown code runs) in the middle of a lot, restarted on the same storage,
/// and every document still ends authorized exactly once, with the lot sent to SEFAZ once — the simulator's own
/// record proves there was no blind re-send.
/// </summary>
public sealed class CrashTests
{
    private const string Cnpj = "11222333000181";

    /// <summary>Clock x3: the mandated 15 s wait takes 5 s, long enough to kill the host inside it.</summary>
    private static readonly Dictionary<string, string?> CrashSettings = new()
    {
        // Durable work items (activities, orchestration steps) held by the killed process come back after 15 s.
        ["Durable__WorkItemQueueVisibilityTimeout"] = "00:00:15",
        ["Durable__ControlQueueVisibilityTimeout"] = "00:00:15",
        // Assemble messages held by the killed process come back after 5 s instead of 30 s.
        ["Queues__tss-assemble__VisibilityTimeout"] = "00:00:05",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_killed_after_the_lot_was_sent_and_before_its_receipt_resumes_without_resending()
    {
        await using var stack = await ProcessStack.StartAsync(scale: 3, CrashSettings);
        await stack.StartHostAsync();
        using var api = await stack.NewTenantAsync(Cnpj);
        var keys = await SubmitAsync(stack, api, 40);

        // The lot has its receipt (103 recorded, nRec stored) and waits for the 15 s timer: kill the host now.
        await WaitForAsync(async () => (await LotsAsync(stack)).Any(l => l.GetString("nRec") is { Length: > 0 }), TimeSpan.FromSeconds(60));
        await stack.KillHostAsync();
        Assert.DoesNotContain(await stack.DocumentsAsync(Ct), d => d.Status == nameof(DocumentStatus.Authorized));

        await stack.StartHostAsync();
        await AssertAuthorizedOnceAsync(stack, keys);
    }

    [Fact]
    public async Task Host_killed_while_SEFAZ_holds_the_answer_reconciles_by_key_instead_of_resending()
    {
        await using var stack = await ProcessStack.StartAsync(scale: 3, CrashSettings);
        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        // SEFAZ receives and processes the lot, then its answer never comes back in time (the host dies waiting).
        using (var fault = await admin.PostAsJsonAsync("/admin/faults", new { kind = "latency", service = "NFeAutorizacao4", phase = "after", count = 1, latencyMs = 60_000 }, Ct))
        {
            Assert.True(fault.IsSuccessStatusCode, await fault.Content.ReadAsStringAsync(Ct));
        }
        await stack.StartHostAsync();
        using var api = await stack.NewTenantAsync(Cnpj);
        var keys = await SubmitAsync(stack, api, 40);

        // The simulator has accepted the lot (the lot is in its base) while the host still waits for the answer.
        await WaitForAsync(async () => (await Exchanges(admin)).Any(e => e.PayloadRoot == "enviNFe"), TimeSpan.FromSeconds(60));
        await Task.Delay(500, Ct);
        await stack.KillHostAsync();

        await stack.StartHostAsync();
        await AssertAuthorizedOnceAsync(stack, keys);
    }

    private static async Task<List<string>> SubmitAsync(ProcessStack stack, HttpClient api, int count)
    {
        var body = new
        {
            documents = Enumerable.Range(1, count).Select(n => new { xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = n, Items = 2 }, stack.Clock), erpId = (string?)null }),
        };
        using var response = await api.PostAsJsonAsync($"api/v1/entities/{Cnpj}/nfe", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}{Environment.NewLine}{stack.Host?.Output}");
        var answer = await response.Content.ReadFromJsonAsync<SubmitAnswer>(Ct);
        return [.. answer!.Documents.Select(d => d.chNFe!)];
    }

    private static async Task AssertAuthorizedOnceAsync(ProcessStack stack, List<string> keys)
    {
        var docs = await stack.WaitAuthorizedAsync(keys.Count, TimeSpan.FromSeconds(120), Ct);
        Assert.Equal(keys.Order(), docs.Where(d => d.Status == nameof(DocumentStatus.Authorized)).Select(d => d.RowKey).Order());
        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        var authorizations = await admin.GetFromJsonAsync<List<AuthorizationView>>("/admin/authorizations", Ct);
        Assert.Equal(keys.Count, authorizations!.Count);
        Assert.All(authorizations, a => Assert.Equal(1, a.TimesAuthorized));
        // One enviNFe for the one lot: nothing was sent again after the crash.
        var exchanges = await Exchanges(admin);
        Assert.Single(exchanges, e => e.PayloadRoot == "enviNFe");
        Assert.DoesNotContain(exchanges, e => e.cStat.Contains(204) || e.cStat.Contains(539));
    }

    private static async Task<List<TableEntity>> LotsAsync(ProcessStack stack)
    {
        var lots = new List<TableEntity>();
        await foreach (var e in stack.Documents.QueryAsync<TableEntity>(x => x.RowKey.CompareTo("lot|") >= 0 && x.RowKey.CompareTo("lot}") < 0, cancellationToken: Ct))
        {
            lots.Add(e);
        }
        return lots;
    }

    private static async Task<List<ExchangeView>> Exchanges(HttpClient admin) =>
        await admin.GetFromJsonAsync<List<ExchangeView>>("/admin/exchanges", Ct) ?? [];

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met in time.");
            await Task.Delay(100, Ct);
        }
    }

    private sealed record ExchangeView(string? Service, string? PayloadRoot, List<int> cStat);
}
