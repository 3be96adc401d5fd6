using System.Globalization;
using Azure.Data.Tables;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;

namespace Tss.Cli.Bench;

/// <summary>
/// Where an authorized document's time went, per phase, from the stamps already on its row and its lot's row (no extra
/// instrumentation requests): received → lot cut (assembly queue + gathering window), cut → first send step begins
/// (orchestration start: control-queue polling, work-item dispatch), send step (write-ahead + SEFAZ + row update),
/// answer → receipt query begins (the mandated wait as a durable timer + its dispatch), query → outcome written.
/// Wall-clock milliseconds (the pipeline stamps divided by the clock scale).
/// </summary>
internal sealed record PhaseBreakdown(IReadOnlyList<(string Phase, double P50Ms, double P99Ms)> Phases, int Lots, double DocsPerLot)
{
    public static readonly string[] Names = ["assemble", "start", "send", "timer", "poll"];

    public static async Task<PhaseBreakdown> MeasureAsync(TableClient documents, IReadOnlyCollection<DocumentRecord> authorized, double scale, TextWriter? slowest = null)
    {
        var lots = new Dictionary<(string, string), LotRecord>();
        foreach (var partition in authorized.Select(d => d.PartitionKey).Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {LotRecord.RowPrefix} and RowKey lt {"lot}"}");
            await foreach (var lot in documents.QueryAsync<LotRecord>(filter))
            {
                lots[(lot.PartitionKey, lot.RowKey)] = lot;
            }
        }
        var samples = Names.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
        void Add(string phase, DateTimeOffset? from, DateTimeOffset? to)
        {
            if (from is { } f && to is { } t)
            {
                samples[phase].Add(Math.Max(0, (t - f).TotalMilliseconds / scale));
            }
        }
        var used = new HashSet<(string, string)>();
        foreach (var d in authorized)
        {
            if (d.LotId is not { Length: > 0 } lotId || !lots.TryGetValue((d.PartitionKey, lotId), out var lot))
            {
                continue;
            }
            used.Add((d.PartitionKey, lotId));
            Add("assemble", d.ReceivedAt, lot.CreatedAt);
            Add("start", lot.CreatedAt, lot.SendStartedAt);
            Add("send", lot.SendStartedAt, lot.SentAt);
            Add("timer", lot.SentAt, lot.PollStartedAt);
            Add("poll", lot.PollStartedAt, d.UpdatedAt);
        }
        if (slowest is not null && authorized.Count > 0)
        {
            WriteSlowest(slowest, authorized, lots, scale);
        }
        var phases = Names.Select(n =>
        {
            var sorted = samples[n].Order().ToList();
            return (n, LatencyStats.Percentile(sorted, 50), LatencyStats.Percentile(sorted, 99));
        }).ToList();
        return new PhaseBreakdown(phases, used.Count, used.Count > 0 ? (double)authorized.Count / used.Count : 0);
    }

    /// <summary>
    /// The lots of the slowest 1 % of documents (the slowest document of each), with their phases and when the document
    /// arrived, to tell a steady tail from bursts.
    /// </summary>
    private static void WriteSlowest(TextWriter w, IReadOnlyCollection<DocumentRecord> authorized, Dictionary<(string, string), LotRecord> lots, double scale)
    {
        var first = authorized.Min(d => d.ReceivedAt);
        double Ms(DateTimeOffset? from, DateTimeOffset? to) => from is { } f && to is { } t ? (t - f).TotalMilliseconds / scale : double.NaN;
        w.WriteLine("lots of the slowest 1 % (at least 5): arrived s, total ms | assemble start send timer poll ms | lot, documents");
        // At least five lots: a lot of 50 is more than 1 % of a few thousand documents.
        var slow = authorized.OrderByDescending(d => d.UpdatedAt - d.ReceivedAt).DistinctBy(d => (d.PartitionKey, d.LotId));
        var take = Math.Max(5, authorized.OrderByDescending(d => d.UpdatedAt - d.ReceivedAt).Take(Math.Max(10, authorized.Count / 100))
            .Select(d => (d.PartitionKey, d.LotId)).Distinct().Count());
        foreach (var d in slow.Take(take))
        {
            lots.TryGetValue((d.PartitionKey, d.LotId ?? ""), out var lot);
            var docs = authorized.Count(o => o.PartitionKey == d.PartitionKey && o.LotId == d.LotId);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Ms(first, d.ReceivedAt) / 1000,7:F1} {Ms(d.ReceivedAt, d.UpdatedAt),6:F0} | {Ms(d.ReceivedAt, lot?.CreatedAt),5:F0} {Ms(lot?.CreatedAt, lot?.SendStartedAt),5:F0} {Ms(lot?.SendStartedAt, lot?.SentAt),5:F0} {Ms(lot?.SentAt, lot?.PollStartedAt),5:F0} {Ms(lot?.PollStartedAt, d.UpdatedAt),5:F0} | {d.LotId} {docs}"));
        }
    }

    /// <summary>As a JSON object: {"assemble":[p50,p99],…} in milliseconds.</summary>
    public string ToJson() => "{" + string.Join(',', Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{p.Phase}\":[{p.P50Ms:F0},{p.P99Ms:F0}]"))) + "}";
}
