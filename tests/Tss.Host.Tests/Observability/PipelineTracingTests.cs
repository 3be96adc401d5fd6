using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Telemetry;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;
using Tss.Tenancy;
using Tss.Tenancy.Entities;
using Tss.Testing.Tenancy;

namespace Tss.Host.Tests.Observability;

/// <summary>
/// A 3-document lot through the real host (Azurite + simulator over mutual TLS) with in-memory exporters: one trace
/// per document from ingest to distribution, the lot's spans linked to the three, the SEFAZ call tagged, metrics counted.
/// The entity is in MG (the other host tests use SP), so the MG metric series are this test's alone.
/// </summary>
public sealed class PipelineTracingTests(HostFixture host)
{
    private const string Cnpj = "33444555000181";
    private const string Uf = "MG";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_document_of_a_lot_has_one_trace_from_ingest_to_distribution()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name, SefazClientTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name, SefazClientTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var http = await NewMgTenantAsync();

        using var submit = await http.PostAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe", UriKind.Relative),
            ApiJson.Documents((Nfe(), "A"), (Nfe(), "B"), (Nfe(), "C")), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var keys = (await ApiJson.ReadAsync(submit))["documents"]!.AsArray().Select(d => d!["chNFe"]!.GetValue<string>()).ToList();
        foreach (var key in keys)
        {
            Assert.Equal("Authorized", (await ApiJson.WaitForFinalAsync(http, Cnpj, key, TimeSpan.FromSeconds(60)))["status"]!.GetValue<string>());
        }
        var distributed = await WaitAsync(() => Snapshot(spans).Where(s => s.OperationName == "tss.distribute" && Tag(s, PipelineTelemetry.Tags.ChNFe) is { } k && keys.Contains(k)).ToList(),
            found => found.Count >= 3);
        var all = Snapshot(spans);

        var traces = new Dictionary<string, ActivityTraceId>();
        foreach (var key in keys)
        {
            var ingest = Assert.Single(all, s => s.OperationName == "tss.ingest" && Tag(s, PipelineTelemetry.Tags.ChNFe) == key);
            Assert.Equal(default, ingest.ParentSpanId);
            traces[key] = ingest.TraceId;
            var inTrace = all.Where(s => s.TraceId == ingest.TraceId).ToList();
            Assert.Contains(inTrace, s => s.OperationName == "tss.lot.send" && Tag(s, PipelineTelemetry.Tags.ChNFe) == key);
            Assert.Contains(inTrace, s => s.OperationName == "tss.lot.poll" && Tag(s, PipelineTelemetry.Tags.ChNFe) == key);
            Assert.Contains(inTrace, s => s.OperationName == "tss.outcome" && Tag(s, PipelineTelemetry.Tags.ChNFe) == key);
            Assert.Contains(inTrace, s => s.OperationName == "tss.distribute" && Tag(s, PipelineTelemetry.Tags.ChNFe) == key);
            Assert.All(inTrace.Where(s => s != ingest), s => Assert.NotEqual(default, s.ParentSpanId));
            Assert.Equal(ingest.Id, await StoredTraceParentAsync(key));
        }
        Assert.Equal(3, traces.Values.Distinct().Count());

        // The lot's own send span: linked to the three documents, carrying the lot id, parent of the SEFAZ call.
        var lotSend = Assert.Single(all, s => s.OperationName == "tss.lot.send" && Tag(s, PipelineTelemetry.Tags.ChNFe) is null
            && s.Links.Any(l => traces.ContainsValue(l.Context.TraceId)));
        Assert.Equal(traces.Values.Select(t => t.ToHexString()).Order(StringComparer.Ordinal),
            lotSend.Links.Select(l => l.Context.TraceId).Where(traces.ContainsValue).Select(t => t.ToHexString()).Order(StringComparer.Ordinal));
        Assert.StartsWith("lot|", Tag(lotSend, PipelineTelemetry.Tags.LotId), StringComparison.Ordinal);
        var sefaz = Assert.Single(all, s => s.Source.Name == SefazClientTelemetry.Name && s.ParentSpanId == lotSend.SpanId);
        Assert.Equal(ActivityKind.Client, sefaz.Kind);
        Assert.Equal("NFeAutorizacao4", Tag(sefaz, "sefaz.service"));
        Assert.Equal(Uf, Tag(sefaz, "sefaz.authorizer"));
        Assert.Equal("2", Tag(sefaz, "sefaz.tpAmb"));
        Assert.Equal("103", Tag(sefaz, "sefaz.cStat"));
        Assert.True(sefaz.Duration > TimeSpan.Zero);
        var poll = Assert.Single(all, s => s.Source.Name == SefazClientTelemetry.Name && Tag(s, "sefaz.service") == "NFeRetAutorizacao4"
            && all.Any(p => p.SpanId == s.ParentSpanId && p.Links.Any(l => traces.ContainsValue(l.Context.TraceId))));
        Assert.Equal("104", Tag(poll, "sefaz.cStat"));
        Assert.Equal(3, distributed.Count);

        meters.ForceFlush();
        Assert.Equal(3, Sum(metrics, "tss.documents.transitions", ("status", "Pending"), ("uf", Uf)));
        Assert.Equal(3, Sum(metrics, "tss.documents.transitions", ("status", "InLot"), ("uf", Uf)));
        Assert.Equal(3, Sum(metrics, "tss.documents.transitions", ("status", "Authorized"), ("uf", Uf), ("cStat", "100")));
        Assert.Equal(1, Sum(metrics, "tss.sefaz.answers", ("sefaz.authorizer", Uf), ("sefaz.service", "NFeAutorizacao4"), ("sefaz.cStat", "103")));
        Assert.Equal(1, Sum(metrics, "tss.sefaz.answers", ("sefaz.authorizer", Uf), ("sefaz.service", "NFeRetAutorizacao4"), ("sefaz.cStat", "104")));
        Assert.Equal(2, HistogramCount(metrics, "tss.sefaz.duration", ("sefaz.authorizer", Uf)));
    }

    [Fact]
    public async Task Queue_depth_is_read_at_most_once_per_refresh_period_and_reported_per_stage_queue()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var gauge = host.Services.GetRequiredService<QueueDepthGauge>();
        await gauge.RefreshAsync(Ct);
        var reads = gauge.Reads;

        meters.ForceFlush();
        meters.ForceFlush();

        Assert.Equal(reads, gauge.Reads); // fresh values: the collections did not touch storage
        var o = host.Pipeline;
        var depths = metrics.Where(m => m.Name == "tss.queue.depth").SelectMany(Points)
            .Select(p => (Queue: TagsOf(p).GetValueOrDefault("queue"), Value: p.GetGaugeLastValueLong())).ToList();
        foreach (var queue in new[] { o.AssembleQueue, o.DistributeQueue })
        {
            Assert.Contains(depths, d => d.Queue == queue && d.Value >= 0);
        }
    }

    [Fact]
    public void Logs_carry_the_trace_and_span_of_the_current_activity()
    {
        var tracking = host.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;

        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId));
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.SpanId));
    }

    private async Task<HttpClient> NewMgTenantAsync()
    {
        var tenant = await TestOnboarding.NewTenantAsync(host.Services.GetRequiredService<TenancyAdmin>(), host.Simulator.Ca, "Observabilidade", [Cnpj], Uf);
        return host.Client(tenant.ApiKey);
    }

    private string Nfe() => SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, Uf = Uf, nNF = HostFixture.NextNumber() }, host.Time);

    private async Task<string?> StoredTraceParentAsync(string chNFe)
    {
        var table = host.Services.GetRequiredService<StorageClients>().GetTable(host.Pipeline.DocumentsTable);
        var found = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {chNFe}"), select: [nameof(DocumentRecord.TraceParent)], cancellationToken: Ct)
            .FirstAsync(Ct);
        return found.GetString(nameof(DocumentRecord.TraceParent));
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }
            await Task.Delay(100, Ct);
        }
    }

    private static IEnumerable<MetricPoint> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            yield return point;
        }
    }

    private static Dictionary<string, string?> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value?.ToString();
        }
        return tags;
    }

    private static bool Matches(MetricPoint point, (string Key, string Value)[] filter)
    {
        var tags = TagsOf(point);
        return filter.All(f => tags.GetValueOrDefault(f.Key) == f.Value);
    }

    /// <summary>The last exported cumulative value of a counter, summed over the series matching the tags.</summary>
    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] filter) =>
        Latest(metrics, name).SelectMany(Points).Where(p => Matches(p, filter)).Sum(p => p.GetSumLong());

    private static long HistogramCount(List<Metric> metrics, string name, params (string Key, string Value)[] filter) =>
        Latest(metrics, name).SelectMany(Points).Where(p => Matches(p, filter)).Sum(p => p.GetHistogramCount());

    private static IEnumerable<Metric> Latest(List<Metric> metrics, string name)
    {
        var last = metrics.LastOrDefault(m => m.Name == name);
        return last is null ? [] : [last];
    }
}
