using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tss.Cli.Local;
using Tss.DevTools.Chaos;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Tss.DevTools.Samples;
using Tss.Protocol.Time;
using Tss.Sefaz.Simulator;

namespace Tss.Cli.Drill;

/// <summary>
/// <c>tss drill contingency --docs N</c>: an SP outage on the separate-process stack (Azurite, the simulator in this
/// process, the host as its own process, one clock scaled for both). NF-e for SP go in a steady stream through the REST
/// API: a first third with SP up; then SP is taken down through the simulator's admin API right after a request (its
/// lots are caught between send and receipt, or in their send), the stream goes on until the policy switches and then
/// after it (re-keyed to SVC-AN); SP comes back, the stream pauses until the policy is normal again (an SVC winds down
/// within a minute of the UF's return, before three 107s can be seen) and ends with the last third. Every document must
/// end authorized once, under one key, and none lost. A program that prints figures and a verdict, not a test.
/// </summary>
internal static class DrillRun
{
    private const string Cnpj = "11222333000181";
    private static readonly string[] FinalStatuses = ["Authorized", "Denied", "Rejected"];

    public static async Task<int> RunAsync(DrillSettings s)
    {
        var clock = Stopwatch.StartNew();
        var data = Directory.CreateTempSubdirectory("tss-drill-azurite-").FullName;
        await using var azurite = await AzuriteServer.StartAsync(data);
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, s.ClockScale);
        await using var local = await LocalStack.StartAsync(azurite.ConnectionString, time, "drill", exchangeLogCapacity: 100_000);
        var tenant = await local.Admin.CreateTenantAsync("Drill", "drill");
        using (var cert = local.IssueECnpj(Cnpj, "EMITENTE DRILL " + Cnpj))
        {
            await local.SaveEntityAsync(tenant.TenantId, Cnpj, cert);
        }
        var apiKey = (await local.Admin.CreateApiKeyAsync(tenant.TenantId)).Key;
        var environment = local.HostEnvironment();
        environment["Clock__Scale"] = s.ClockScale.ToString(CultureInfo.InvariantCulture);
        environment["Clock__Origin"] = time.Origin.ToString("O", CultureInfo.InvariantCulture);
        environment["Pipeline__GatheringWindow"] = "00:00:00.200";
        environment["Contingency__FailureThreshold"] = "2";
        environment["Contingency__FailureWindow"] = "00:10:00";
        environment["Contingency__ProbeInterval"] = "00:00:02";
        environment["Logging__LogLevel__Default"] = s.Verbose ? "Information" : "Warning";
        var port = FreePorts.Allocate();
        await using var host = await HostProcess.StartAsync(s.HostAssembly ?? HostProcess.DefaultAssembly(), port, environment, timeout: TimeSpan.FromMinutes(3));
        using var api = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var admin = new HttpClient { BaseAddress = SimulatorApp.AdminUri(local.Simulator) };
        var stream = new DrillStream(api, Cnpj, s, time);
        Say(clock, $"stack up (host pid {host.Id}); {s.Docs} NF-e for SP, {s.Batch} per request");

        var third = s.Docs / 3;
        await stream.SendAsync(third);
        (await admin.PutAsJsonAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative), new { cStat = 109 })).EnsureSuccessStatusCode();
        var down = Stopwatch.StartNew();
        Say(clock, $"SP taken down after {stream.Sent} documents");
        await stream.SendAsync(third / 2);
        while (await ModeAsync(api) != "Contingency" && clock.Elapsed < s.Timeout)
        {
            await stream.SendAsync(Math.Max(0, Math.Min(s.Batch, (2 * third) - stream.Sent)));
            await Task.Delay(500);
        }
        Say(clock, $"policy: contingency after {stream.Sent} documents");
        await stream.SendAsync(Math.Max(0, (2 * third) - stream.Sent));
        await Task.Delay(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(Math.Min(down.Elapsed.Ticks, TimeSpan.FromSeconds(5).Ticks))); // SVC-AN authorizes while SP is down
        (await admin.DeleteAsync(new Uri("/admin/authorizers/SP/outage", UriKind.Relative))).EnsureSuccessStatusCode();
        Say(clock, $"SP back after {stream.Sent} documents; waiting for the policy");
        while (await ModeAsync(api) != "Normal" && clock.Elapsed < s.Timeout)
        {
            await Task.Delay(500);
        }
        Say(clock, "policy: normal");
        await stream.SendAsync(s.Docs - stream.Sent);

        var documents = new TableServiceClient(azurite.ConnectionString).GetTableClient("documents");
        Dictionary<string, string?> statuses;
        var nextReport = clock.Elapsed + TimeSpan.FromSeconds(10);
        while (true)
        {
            statuses = await StatusesAsync(documents);
            var final = stream.Answered.Values.Count(k => statuses.TryGetValue(k, out var st) && FinalStatuses.Contains(st));
            if (final >= stream.Answered.Count || clock.Elapsed >= s.Timeout)
            {
                break;
            }
            if (clock.Elapsed >= nextReport)
            {
                Say(clock, $"{final}/{stream.Answered.Count} final");
                nextReport += TimeSpan.FromSeconds(10);
            }
            await Task.Delay(500);
        }

        var sefaz = await SefazAuthorization.ReadAsync(admin);
        var authorizedThere = sefaz.Where(a => a.cStat == 100).Select(a => a.chNFe).ToHashSet(StringComparer.Ordinal);
        var keys = stream.Answered.Values.ToList();
        var authorized = keys.Where(k => statuses.GetValueOrDefault(k) == "Authorized" && authorizedThere.Contains(k)).ToList();
        var twice = sefaz.Count(a => a.TimesAuthorized > 1)
            + authorizedThere.GroupBy(k => k[..34], StringComparer.Ordinal).Count(g => g.Count() > 1); // cUF..nNF: one number, two keys
        using var log = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/v1/contingency/SP?model=55&tpAmb=2&take=100", UriKind.Relative)));
        var result = new DrillResult(
            Docs: s.Docs,
            Authorized: authorized.Count,
            ViaSvc: authorized.Count(k => k[34] is '6' or '7'),
            ViaUf: authorized.Count(k => k[34] == '1'),
            Rekeyed: stream.Answered.Count(a => a.Key != a.Value),
            AuthorizedTwice: twice,
            Lost: (s.Docs - stream.Answered.Count) + keys.Count(k => !statuses.TryGetValue(k, out var st) || !FinalStatuses.Contains(st)),
            Decisions: log.RootElement.GetProperty("decisions").GetArrayLength(),
            Seconds: clock.Elapsed.TotalSeconds)
        {
            Rejected = keys.Count(k => statuses.GetValueOrDefault(k) is "Rejected" or "Denied"),
        };
        if (!result.Passed)
        {
            var output = host.Output;
            Console.Error.WriteLine($"drill: host output (last 8 KB):{Environment.NewLine}{output[Math.Max(0, output.Length - 8192)..]}");
        }
        result.Print();
        TryDelete(data);
        return result.Passed ? 0 : 1;
    }

    private static async Task<string?> ModeAsync(HttpClient api)
    {
        try
        {
            using var state = JsonDocument.Parse(await api.GetStringAsync(new Uri("api/v1/contingency/SP?model=55&tpAmb=2&take=1", UriKind.Relative)));
            return state.RootElement.GetProperty("state").GetProperty("mode").GetString();
        }
        catch (HttpRequestException)
        {
            return null; // never seen yet (404) or the host is busy: ask again
        }
    }

    private static async Task<Dictionary<string, string?>> StatusesAsync(TableClient documents)
    {
        var statuses = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var d in documents.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {":"}"), select: ["RowKey", "Status"]))
        {
            statuses[d.RowKey] = d.GetString("Status");
        }
        return statuses;
    }

    private static void Say(Stopwatch clock, string text) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drill: {clock.Elapsed.TotalSeconds,6:F1} s  {text}"));

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
