using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tss.Cli.Local;
using Tss.Contracts.Documents;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using Tss.Protocol.Time;

namespace Tss.Cli.Bench;

/// <summary>
/// Drives N NF-e through the whole product on this machine — the host as its own process (REST submissions, queue
/// listeners), Azurite, and the simulator (tMed 0) on one scaled clock — and reports sustained documents per second,
/// submit→authorized latency, storage transactions per authorized document (counted by the host's storage clients)
/// and the host's peak memory. A program that prints figures, not a test.
/// </summary>
internal static class PipelineBenchmark
{
    /// <summary>Documents received in the run's first seconds are left out of <see cref="BenchResult.P99WarmMs"/>.</summary>
    internal static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(BenchSettings s)
    {
        var started = Stopwatch.StartNew();
        await using var azurite = await AzuriteServer.StartAsync();
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, s.ClockScale);
        await using var local = await LocalStack.StartAsync(azurite.ConnectionString, time, "bench");

        // The tenant store the host reads: one tenant, the bench entities, one API key.
        var tenant = await local.Admin.CreateTenantAsync("Bench", "bench");
        var cnpjs = Enumerable.Range(0, s.Entities).Select(BenchCnpj).ToList();
        foreach (var cnpj in cnpjs)
        {
            using var cert = local.IssueECnpj(cnpj, "EMITENTE BENCH " + cnpj);
            await local.SaveEntityAsync(tenant.TenantId, cnpj, cert);
        }
        var key = await local.Admin.CreateApiKeyAsync(tenant.TenantId);

        var port = FreePorts.Allocate();
        var environment = local.HostEnvironment();
        environment["Clock__Scale"] = s.ClockScale.ToString(CultureInfo.InvariantCulture);
        environment["Clock__Origin"] = time.Origin.ToString("O", CultureInfo.InvariantCulture);
        environment["Pipeline__GatheringWindow"] = s.GatheringWindow.ToString("c", CultureInfo.InvariantCulture);
        environment["Diagnostics__StorageCounters"] = "true";
        environment["Logging__LogLevel__Default"] = s.Verbose ? "Information" : "Warning";
        await using var host = await HostProcess.StartAsync(s.HostAssembly ?? HostProcess.DefaultAssembly(), port, environment);
        using var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);

        // Documents are generated before the clock starts: the ERP's cost, not ours.
        var perEntity = (s.Docs + s.Entities - 1) / s.Entities;
        var work = new List<(string Cnpj, string Body)>();
        for (var i = 0; i < s.Entities; i++)
        {
            var count = Math.Min(perEntity, s.Docs - (i * perEntity));
            var cnpj = cnpjs[i];
            foreach (var chunk in Enumerable.Range(1, count).Chunk(s.Batch))
            {
                var documents = chunk.Select(n => new { xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = cnpj, nNF = n, Items = s.Items }, time) });
                work.Add((cnpj, JsonSerializer.Serialize(new { documents })));
            }
        }
        Console.Error.WriteLine($"bench: stack up and {s.Docs} documents generated in {started.Elapsed.TotalSeconds:F1} s; submitting through {host.BaseUri}");

        if (s.Rate > 0)
        {
            // Steady offer: entities take turns, one batch every Batch/Rate seconds.
            work = [.. work.Select((w, i) => (w, i)).GroupBy(x => x.w.Cnpj).SelectMany(g => g.Select((x, n) => (x.w, n, x.i)))
                .OrderBy(x => x.n).ThenBy(x => x.i).Select(x => x.w)];
        }
        using var noise = new NoiseProcesses(s.Noise);
        var before = await CountersAsync(http);
        var cpu = CpuUse.Start(host.Id, azurite.ProcessId);
        var clock = Stopwatch.StartNew();
        async Task SubmitAsync((string Cnpj, string Body) w, CancellationToken ct)
        {
            using var content = new StringContent(w.Body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri($"api/v1/entities/{w.Cnpj}/nfe", UriKind.Relative), content, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"bench submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        if (s.Rate > 0)
        {
            var inFlight = new List<Task>();
            var perBatch = TimeSpan.FromSeconds(s.Batch / s.Rate);
            for (var i = 0; i < work.Count; i++)
            {
                var due = perBatch * i;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                inFlight.Add(SubmitAsync(work[i], CancellationToken.None));
            }
            await Task.WhenAll(inFlight);
        }
        else
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = s.Concurrency }, async (w, ct) => await SubmitAsync(w, ct));
        }
        var submitSeconds = clock.Elapsed.TotalSeconds;

        // Watch through a separate client, outside the host, so the observation does not inflate the host's figures.
        var watch = new TableServiceClient(azurite.ConnectionString).GetTableClient("documents");
        var final = new Dictionary<string, DocumentRecord>();
        var deadline = clock.Elapsed + s.Timeout;
        while (final.Count < s.Docs && clock.Elapsed < deadline)
        {
            await Task.Delay(500);
            await foreach (var d in watch.QueryAsync<DocumentRecord>(d => d.Status == "Authorized" || d.Status == "Denied" || d.Status == "Rejected", select: ["PartitionKey", "RowKey", "Status", "ReceivedAt", "UpdatedAt", "History", "LotId"]))
            {
                final[d.RowKey] = d;
            }
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuUse = cpu();
        noise.Dispose();
        var after = await CountersAsync(http);
        var peakRss = host.PeakRssMb();

        var authorized = final.Values.Where(d => d.Status == nameof(DocumentStatus.Authorized)).ToList();
        var lastUpdate = authorized.Count > 0 ? authorized.Max(d => d.UpdatedAt) : time.GetUtcNow();
        var firstReceived = authorized.Count > 0 ? authorized.Min(d => d.ReceivedAt) : time.GetUtcNow();
        // Both stamps are on the scaled pipeline clock: divide by the scale for wall-clock time.
        var latencies = authorized.Select(d => (d.UpdatedAt - d.ReceivedAt).TotalMilliseconds / s.ClockScale).Order().ToList();
        var span = (lastUpdate - firstReceived).TotalSeconds / s.ClockScale;
        if (s.Verbose && authorized.Count > 0)
        {
            var slowest = authorized.MaxBy(d => d.UpdatedAt - d.ReceivedAt)!;
            Console.Error.WriteLine($"slowest {slowest.RowKey} (pipeline clock x{s.ClockScale}):{Environment.NewLine}{slowest.History}");
        }
        var phases = await PhaseBreakdown.MeasureAsync(watch, authorized, s.ClockScale, s.Verbose ? Console.Error : null);
        var tx = after.Product.Since(before.Product);
        var durableTx = after.Durable.Since(before.Durable);
        var result = new BenchResult(
            s.Docs, authorized.Count, span > 0 ? authorized.Count / span : 0,
            LatencyStats.Percentile(latencies, 50), LatencyStats.Percentile(latencies, 99),
            authorized.Count > 0 ? (double)tx.Total / authorized.Count : 0,
            authorized.Count > 0 ? (double)durableTx.Total / authorized.Count : 0, s.MandatedWaitMs, peakRss)
        {
            OfferedPerSecond = submitSeconds > 0 ? s.Docs / submitSeconds : 0,
            P99WarmMs = LatencyStats.Percentile(authorized.Where(d => (d.ReceivedAt - firstReceived).TotalSeconds / s.ClockScale >= WarmUp.TotalSeconds)
                .Select(d => (d.UpdatedAt - d.ReceivedAt).TotalMilliseconds / s.ClockScale).Order().ToList(), 99),
            Phases = phases,
            Cpu = cpuUse,
        };
        result.Print(s, submitSeconds, elapsed, tx, durableTx);
        return authorized.Count == s.Docs ? 0 : 1;
    }

    /// <summary>The product's storage transactions and, apart, the Durable backend's.</summary>
    private static async Task<(Counters Product, Counters Durable)> CountersAsync(HttpClient http)
    {
        var json = await http.GetFromJsonAsync<JsonElement>(new Uri("diagnostics/storage", UriKind.Relative));
        static Counters Read(JsonElement e) => new(e.GetProperty("operations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        return (Read(json), json.TryGetProperty("durable", out var durable) ? Read(durable) : new Counters(new Dictionary<string, long>()));
    }

    /// <summary>A valid CNPJ per benchmark entity (base 11.222.333/000x).</summary>
    private static string BenchCnpj(int i) => Tss.Protocol.Parties.Cnpj.WithCheckDigits($"112223330{(i + 1):D3}");
}
