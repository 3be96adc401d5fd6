using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Tss.Contracts.Documents;
using Tss.DevTools.Chaos;
using Tss.Runtime.Faults;
using static Tss.Host.Tests.EndToEnd.CrashTests;

namespace Tss.Host.Tests.EndToEnd;

/// <summary>
/// As <see cref="CrashTests"/> for the other SEFAZ conversations: the host process dies (as SIGKILL: no shutdown code
/// runs) at a named <see cref="CrashPoint"/> inside an event batch's send or an MD-e pass, and is restarted on the same
/// storage. A cancellation SEFAZ registered before the crash is registered once (reconciled by key, never sent again:
/// no 573 duplicate); an MD-e cursor never goes back, skips no NSU and counts none twice.
/// </summary>
public sealed class EventAndMdeCrashTests
{
    private const string Cnpj = "11222333000181";

    /// <summary>Clock x3, as in <see cref="CrashTests"/>.</summary>
    private const double Scale = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_dying_after_SEFAZ_registered_cancellations_and_before_the_answer_is_recorded_registers_each_once()
    {
        var crash = new CrashTests.Crash(CrashPoints.AfterSefazEventSend);
        await using var stack = await ProcessStack.StartAsync(Scale, Settings(crash));
        try
        {
            await stack.StartHostAsync();
            var (api, _) = await stack.NewAuditedTenantAsync(Cnpj, credits: 100);
            using var __ = api;
            var keys = await SubmitAsync(stack, api, 3);
            var authorized = await stack.WaitAuthorizedAsync(keys.Count, TimeSpan.FromSeconds(120), Ct);
            Assert.Equal(keys.Order(), authorized.Where(d => d.Status == nameof(DocumentStatus.Authorized)).Select(d => d.RowKey).Order());

            foreach (var key in keys)
            {
                using var asked = await api.PostAsJsonAsync($"api/v1/entities/{Cnpj}/nfe/{key}/cancel", new { xJust = "Cancelamento de teste com queda do processo" }, Ct);
                Assert.True(asked.StatusCode == HttpStatusCode.Accepted, $"{asked.StatusCode}: {await asked.Content.ReadAsStringAsync(Ct)}");
            }
            await stack.WaitForHostExitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(CrashPoints.AfterSefazEventSend, await File.ReadAllTextAsync(crash.Marker, Ct));

            await stack.StartHostAsync();
            await WaitForAsync(async () => (await stack.DocumentsAsync(Ct)).All(d => d.Status == nameof(DocumentStatus.Cancelled)), TimeSpan.FromSeconds(120));

            using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
            var exchanges = await SefazExchange.ReadAsync(admin, Ct);
            foreach (var key in keys)
            {
                // Sent once: the send that SEFAZ answered before the crash; the restarted host consulted instead.
                Assert.Single(exchanges, e => e.PayloadRoot == "envEvento" && e.chNFe.Contains(key));
                var registered = await admin.GetFromJsonAsync<List<JsonElement>>($"/admin/events/{key}", Json, Ct);
                Assert.Single(registered!, e => e.GetProperty("tpEvento").GetString() == "110111");
                using var events = await api.GetAsync($"api/v1/entities/{Cnpj}/nfe/{key}/events", Ct);
                var ours = JsonDocument.Parse(await events.Content.ReadAsStringAsync(Ct)).RootElement;
                Assert.Equal(1, ours.GetProperty("eventCount").GetInt32());
            }
            Assert.Contains(exchanges, e => e.PayloadRoot == "consSitNFe"); // reconciled by key after the restart
            Assert.DoesNotContain(exchanges, e => e.PayloadRoot == "envEvento" && e.cStat.Contains(573));
        }
        finally
        {
            File.Delete(crash.Marker);
        }
    }

    [Fact]
    public async Task Host_dying_in_an_MDe_pass_between_storing_documents_and_moving_the_cursor_resumes_without_going_back_skipping_or_counting_twice()
    {
        const int Seeded = 120; // three distNSU answers of 50
        var crash = new CrashTests.Crash(CrashPoints.MdeAfterDocumentsStored);
        await using var stack = await ProcessStack.StartAsync(Scale, Settings(crash));
        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        try
        {
            (await admin.PostAsJsonAsync("/admin/distdfe/settings", new { pageSize = 50, latencyMs = 0, queryLimit = 20 }, Ct)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/admin/distdfe/{Cnpj}/documents", new { count = Seeded }, Ct)).EnsureSuccessStatusCode();
            await stack.StartHostAsync();
            var (api, tenantId) = await stack.NewAuditedTenantAsync(Cnpj, credits: 100);
            using var __ = api;

            var cursors = new TableServiceClient(stack.Azurite.ConnectionString).GetTableClient("mdecursors");
            var seen = new List<long>();
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var sampler = SampleCursorAsync(cursors, seen, sampling.Token);

            // The pass dies after storing the first answer's documents; the request it answered dies with it.
            try
            {
                using var sync = await api.PostAsync($"api/v1/entities/{Cnpj}/mde/sync", null, Ct);
            }
            catch (HttpRequestException)
            {
            }
            await stack.WaitForHostExitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(CrashPoints.MdeAfterDocumentsStored, await File.ReadAllTextAsync(crash.Marker, Ct));

            await stack.StartHostAsync();
            MdeCursorRow? cursor = null;
            await WaitForAsync(async () => (cursor = await ReadCursorAsync(cursors, Ct)) is { UltNsu: Seeded }, TimeSpan.FromSeconds(120));
            await sampling.CancelAsync();
            await sampler;

            Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second >= p.First), $"the cursor went back: {string.Join(" → ", seen.Distinct())}");
            Assert.Equal(Seeded, cursor!.DocumentCount); // each NSU counted once, although the first 50 were received twice
            var nsus = await StoredNsusAsync(stack, tenantId);
            Assert.Equal(Enumerable.Range(1, Seeded).Select(n => (long)n), nsus); // none skipped, none twice
            var party = JsonDocument.Parse(await admin.GetStringAsync($"/admin/distdfe/{Cnpj}", Ct)).RootElement;
            Assert.Equal(0, party.GetProperty("violations").GetArrayLength()); // the repeated distNSU was the last one asked: in sequence
        }
        finally
        {
            File.Delete(crash.Marker);
        }
    }

    private sealed record MdeCursorRow(long UltNsu, long DocumentCount);

    private static async Task<MdeCursorRow?> ReadCursorAsync(TableClient cursors, CancellationToken ct)
    {
        try
        {
            var read = await cursors.GetEntityIfExistsAsync<TableEntity>(Cnpj, "55-2", cancellationToken: ct);
            return read.HasValue ? new MdeCursorRow(read.Value!.GetInt64("UltNsu") ?? 0, read.Value.GetInt64("DocumentCount") ?? 0) : null;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null; // the table is created with the first cursor
        }
    }

    /// <summary>Reads the cursor every 50 ms until cancelled: every ultNSU it took, in order.</summary>
    private static async Task SampleCursorAsync(TableClient cursors, List<long> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await ReadCursorAsync(cursors, ct) is { } row)
                {
                    seen.Add(row.UltNsu);
                }
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The NSUs indexed for the tenant ("nsu-…" rows of its MD-e documents partition), in order.</summary>
    private static async Task<List<long>> StoredNsusAsync(ProcessStack stack, string tenantId)
    {
        var table = new TableServiceClient(stack.Azurite.ConnectionString).GetTableClient("mdedocuments");
        var nsus = new List<long>();
        var partition = $"{tenantId}|{Cnpj}";
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: Ct))
        {
            if (row.RowKey.StartsWith("nsu-", StringComparison.Ordinal))
            {
                nsus.Add(long.Parse(row.RowKey.AsSpan(4), CultureInfo.InvariantCulture));
            }
        }
        return nsus;
    }
}
