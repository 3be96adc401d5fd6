using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Tss.Contracts.Documents;
using Tss.DevTools.Chaos;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using Tss.Runtime.Faults;
using static Tss.Host.Tests.EndToEnd.EndToEndTests;

namespace Tss.Host.Tests.EndToEnd;

/// <summary>
/// The host process is killed (SIGKILL: no shutdown code runs) in the middle of a lot — by the test, or by itself at a
/// named <see cref="CrashPoint"/> — and restarted on the same storage. Every document still ends authorized exactly
/// once; the simulator's log shows the lot sent once (no blind resend), the credits ledger one debit per document, and
/// the webhook receiver each document under one delivery id.
/// </summary>
public sealed class CrashTests
{
    private const string Cnpj = "11222333000181";
    private const int Documents = 40;

    /// <summary>Clock x3: the mandated 15 s wait takes 5 s, long enough to kill the host inside it.</summary>
    private const double Scale = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_killed_during_the_receipt_timer_resumes_without_resending_charging_or_delivering_twice()
    {
        await using var stack = await ProcessStack.StartAsync(Scale, Settings());
        await stack.StartHostAsync();
        var (api, tenantId) = await stack.NewAuditedTenantAsync(Cnpj, credits: 100);
        using var _ = api;
        var keys = await SubmitAsync(stack, api, Documents);

        // The lot has its receipt (103 recorded, nRec stored) and waits for the 15 s timer: kill the host now.
        await WaitForAsync(async () => (await LotsAsync(stack)).Any(l => l.GetString("nRec") is { Length: > 0 }), TimeSpan.FromSeconds(60));
        await stack.KillHostAsync();
        Assert.DoesNotContain(await stack.DocumentsAsync(Ct), d => d.Status == nameof(DocumentStatus.Authorized));

        await stack.StartHostAsync();
        await AssertEachStepOnceAsync(stack, keys, tenantId);
    }

    [Fact]
    public async Task Host_killed_while_SEFAZ_holds_the_answer_reconciles_by_key_instead_of_resending()
    {
        await using var stack = await ProcessStack.StartAsync(Scale, Settings());
        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        // SEFAZ receives and processes the lot, then its answer never comes back in time (the host dies waiting).
        using (var fault = await admin.PostAsJsonAsync("/admin/faults", new { kind = "latency", service = "NFeAutorizacao4", phase = "after", count = 1, latencyMs = 60_000 }, Ct))
        {
            Assert.True(fault.IsSuccessStatusCode, await fault.Content.ReadAsStringAsync(Ct));
        }
        await stack.StartHostAsync();
        var (api, tenantId) = await stack.NewAuditedTenantAsync(Cnpj, credits: 100);
        using var _ = api;
        var keys = await SubmitAsync(stack, api, Documents);

        // The simulator has accepted the lot (logged before its answer) while the host still waits for the answer.
        await WaitForAsync(async () => (await SefazExchange.ReadAsync(admin, Ct)).Any(e => e.PayloadRoot == "enviNFe"), TimeSpan.FromSeconds(60));
        await Task.Delay(500, Ct);
        await stack.KillHostAsync();

        await stack.StartHostAsync();
        await AssertEachStepOnceAsync(stack, keys, tenantId);
    }

    [Fact]
    public async Task Host_dying_after_SEFAZ_answered_the_send_and_before_the_answer_is_recorded_reconciles_instead_of_resending()
    {
        var crash = new Crash(CrashPoints.AfterSefazSend);
        await using var stack = await ProcessStack.StartAsync(Scale, Settings(crash));
        await RunThroughCrashAsync(stack, crash);
    }

    [Fact]
    public async Task Host_dying_between_outcome_writes_records_and_distributes_every_outcome_once()
    {
        var crash = new Crash(CrashPoints.BetweenOutcomes);
        await using var stack = await ProcessStack.StartAsync(Scale, Settings(crash));
        await RunThroughCrashAsync(stack, crash);
    }

    [Fact]
    public async Task Host_dying_after_the_webhook_POST_and_before_the_delivery_log_redelivers_under_the_same_delivery_id()
    {
        var crash = new Crash(CrashPoints.AfterWebhookPost);
        await using var stack = await ProcessStack.StartAsync(Scale, Settings(crash));
        await RunThroughCrashAsync(stack, crash);
        // The POST answered before the crash is sent again when its message comes back (at least once: the log never
        // recorded it), under the same delivery id, so a receiver that dedups on it processes each document once.
        var deliveries = ChaosAudit.Deliveries(stack.Webhooks!.Receipts);
        await WaitForAsync(() =>
        {
            deliveries = ChaosAudit.Deliveries(stack.Webhooks!.Receipts);
            return Task.FromResult(deliveries.Redeliveries >= 1);
        }, TimeSpan.FromSeconds(90));
        Assert.Equal(0, deliveries.Duplicates);
        Assert.Equal(Documents, deliveries.Delivered.Count);
    }

    /// <summary>Submits a lot, waits for the host to die at the crash point, restarts it and checks every step happened once.</summary>
    private static async Task<DeliveryCounts> RunThroughCrashAsync(ProcessStack stack, Crash crash)
    {
        try
        {
            await stack.StartHostAsync();
            var (api, tenantId) = await stack.NewAuditedTenantAsync(Cnpj, credits: 100);
            using var _ = api;
            var keys = await SubmitAsync(stack, api, Documents);

            await stack.WaitForHostExitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(crash.Point, await File.ReadAllTextAsync(crash.Marker, Ct));

            await stack.StartHostAsync();
            return await AssertEachStepOnceAsync(stack, keys, tenantId);
        }
        finally
        {
            File.Delete(crash.Marker);
        }
    }

    internal static Dictionary<string, string?> Settings(Crash? crash = null)
    {
        var settings = CrashResumeSettings.For();
        settings["Credits__Enabled"] = "true";
        settings["Distribution__AllowLoopback"] = "true";
        if (crash is not null)
        {
            settings["TSS_CRASH_AT"] = crash.Point;
            settings["TSS_CRASH_MARKER"] = crash.Marker;
        }
        return settings;
    }

    internal static async Task<List<string>> SubmitAsync(ProcessStack stack, HttpClient api, int count)
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

    /// <summary>
    /// Every document authorized here and once in SEFAZ's base; the lot sent once, never blindly; one debit per
    /// document; every document delivered, under one delivery id.
    /// </summary>
    private static async Task<DeliveryCounts> AssertEachStepOnceAsync(ProcessStack stack, List<string> keys, string tenantId)
    {
        var docs = await stack.WaitAuthorizedAsync(keys.Count, TimeSpan.FromSeconds(120), Ct);
        Assert.Equal(keys.Order(), docs.Where(d => d.Status == nameof(DocumentStatus.Authorized)).Select(d => d.RowKey).Order());

        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        var authorizations = await SefazAuthorization.ReadAsync(admin, Ct);
        Assert.Equal(keys.Order(), authorizations.Select(a => a.chNFe).Order());
        Assert.All(authorizations, a => Assert.Equal(1, a.TimesAuthorized));
        var exchanges = await SefazExchange.ReadAsync(admin, Ct);
        Assert.Equal(0, ChaosAudit.BlindResends(exchanges));
        Assert.Single(exchanges, e => e.PayloadRoot == "enviNFe"); // one lot, sent once: nothing was sent again after the crash
        Assert.DoesNotContain(exchanges, e => e.cStat.Contains(204) || e.cStat.Contains(539));

        var debits = await stack.DebitsAsync(tenantId, Ct);
        Assert.Equal(0, ChaosAudit.DoubleDebits(debits));
        Assert.Equal(keys.Order(), debits.Select(d => d.Split(':')[0]).Order());

        var deliveries = ChaosAudit.Deliveries(stack.Webhooks!.Receipts);
        await WaitForAsync(() =>
        {
            deliveries = ChaosAudit.Deliveries(stack.Webhooks!.Receipts);
            return Task.FromResult(keys.All(deliveries.Delivered.Contains));
        }, TimeSpan.FromSeconds(90));
        Assert.Equal(0, deliveries.Duplicates);
        return deliveries;
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

    internal static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met in time.");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>A crash point armed for one run; the marker file records that it fired.</summary>
    internal sealed record Crash(string Point)
    {
        public string Marker { get; } = Path.Combine(Path.GetTempPath(), $"tss-crash-{Guid.NewGuid():N}");
    }
}
