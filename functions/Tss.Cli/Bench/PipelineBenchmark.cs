using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.DevTools.Local;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Entities;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Ingest;
using Tss.Protocol.Time;
using Tss.Runtime.Storage;
using Tss.Sefaz.Simulator;

namespace Tss.Cli.Bench;

/// <summary>
/// Drives N NF-e through the whole pipeline on this machine — Azurite, the simulator (tMed 0) and the pipeline's
/// queue listeners on one scaled clock — and reports sustained documents per second, submit→authorized latency,
/// storage transactions per authorized document and peak memory. A program that prints figures, not a test.
/// </summary>
internal static class PipelineBenchmark
{
    private const string TenantId = "bench";

    public static async Task<int> RunAsync(BenchSettings s)
    {
        var started = Stopwatch.StartNew();
        await using var azurite = await AzuriteServer.StartAsync();
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, s.ClockScale);
        using var ca = TestCertificateAuthority.Create("TSS Bench CA");
        var anchor = Path.Combine(Path.GetTempPath(), $"tss-bench-ca-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(anchor);
        var sim = SimulatorApp.Build(new SimulatorOptions
        {
            SoapPort = 0,
            AdminPort = 0,
            ServerCertificate = ca.IssueServer("localhost"),
            ClientCaCertificate = ca.Certificate,
            TMedSeconds = 0,
            MinPollInterval = TimeSpan.Zero,
            ExchangeLogCapacity = 100,
        }, time, l => l.ClearProviders());
        await sim.StartAsync();

        var entities = Enumerable.Range(0, s.Entities).ToDictionary(
            i => BenchCnpj(i),
            i => (new EntityInfo(TenantId, BenchCnpj(i), "SP", 2, "bench"), ca.IssueECnpj(BenchCnpj(i), $"EMITENTE BENCH {i} LTDA")));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(s.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Sefaz:BaseUrlOverride"] = SimulatorApp.SoapUri(sim).ToString().TrimEnd('/'),
            ["Sefaz:TrustAnchorPath"] = anchor,
            ["Pipeline:GatheringWindow"] = s.GatheringWindow.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IEntityDirectory>(new BenchEntityDirectory(entities));
        builder.Services.AddTssPipeline(builder.Configuration);
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var storage = host.Services.GetRequiredService<StorageClients>();
        await PipelineStorage.EnsureCreatedAsync(storage, options, CancellationToken.None);
        await host.StartAsync();

        // Documents are generated before the clock starts: the ERP's cost, not ours.
        var perEntity = (s.Docs + s.Entities - 1) / s.Entities;
        var work = new List<(EntityInfo Entity, IngestItem[] Items)>();
        for (var i = 0; i < s.Entities; i++)
        {
            var entity = entities[BenchCnpj(i)].Item1;
            var count = Math.Min(perEntity, s.Docs - (i * perEntity));
            var docs = Enumerable.Range(1, count)
                .Select(n => new IngestItem(SampleNfe.Create(new SampleNfeOptions { EmitCnpj = entity.Cnpj, nNF = n, Items = s.Items }, time), null)).ToArray();
            work.AddRange(docs.Chunk(s.Batch).Select(c => (entity, c)));
        }
        Console.Error.WriteLine($"bench: stack up and {s.Docs} documents generated in {started.Elapsed.TotalSeconds:F1} s; submitting");

        var before = storage.Counter.Snapshot();
        var ingest = host.Services.GetRequiredService<IngestService>();
        var clock = Stopwatch.StartNew();
        var submitted = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = s.Concurrency }, async (w, ct) =>
        {
            var results = await ingest.SubmitAsync(w.Entity, w.Items, sync: false, ct);
            if (results.FirstOrDefault(r => !r.Accepted) is { } refused)
            {
                throw new InvalidOperationException($"bench document refused: {refused.ErrorCode} {refused.Error}");
            }
            Interlocked.Add(ref submitted, results.Count);
        });
        var submitSeconds = clock.Elapsed.TotalSeconds;

        // Watch through a separate, uncounted client so the observation does not inflate the figures.
        var watch = new TableServiceClient(azurite.ConnectionString).GetTableClient(options.DocumentsTable);
        var final = new Dictionary<string, DocumentRecord>();
        var deadline = clock.Elapsed + s.Timeout;
        while (final.Count < s.Docs && clock.Elapsed < deadline)
        {
            await Task.Delay(250);
            await foreach (var d in watch.QueryAsync<DocumentRecord>(d => d.Status != "Pending" && d.Status != "InLot", select: ["RowKey", "Status", "ReceivedAt", "UpdatedAt", "History", "LotId"]))
            {
                final[d.RowKey] = d;
            }
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var tx = storage.Counter.Snapshot().Since(before);
        await host.StopAsync();
        await sim.StopAsync();
        await sim.DisposeAsync();
        File.Delete(anchor);

        var authorized = final.Values.Where(d => d.Status == nameof(DocumentStatus.Authorized)).ToList();
        var lastUpdate = authorized.Count > 0 ? authorized.Max(d => d.UpdatedAt) : time.GetUtcNow();
        var firstReceived = authorized.Count > 0 ? authorized.Min(d => d.ReceivedAt) : time.GetUtcNow();
        // Both stamps are on the scaled pipeline clock: divide by the scale for wall-clock time.
        var latencies = authorized.Select(d => (d.UpdatedAt - d.ReceivedAt).TotalMilliseconds / s.ClockScale).Order().ToList();
        var span = (lastUpdate - firstReceived).TotalSeconds / s.ClockScale;
        var result = new BenchResult(
            s.Docs, authorized.Count, span > 0 ? authorized.Count / span : 0,
            LatencyStats.Percentile(latencies, 50), LatencyStats.Percentile(latencies, 99),
            authorized.Count > 0 ? (double)tx.Total / authorized.Count : 0,
            Environment.WorkingSet / 1048576.0, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
        if (s.Verbose && authorized.Count > 0)
        {
            var slowest = authorized.MaxBy(d => d.UpdatedAt - d.ReceivedAt)!;
            Console.Error.WriteLine($"slowest {slowest.RowKey} (pipeline clock x{s.ClockScale}):{Environment.NewLine}{slowest.History}");
        }
        result.Print(s, submitSeconds, elapsed, tx);
        return authorized.Count == s.Docs ? 0 : 1;
    }

    /// <summary>A valid CNPJ per benchmark entity (base 11.222.333/000x).</summary>
    private static string BenchCnpj(int i) => Tss.Protocol.Parties.Cnpj.WithCheckDigits($"112223330{(i + 1):D3}");
}
