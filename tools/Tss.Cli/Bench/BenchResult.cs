using System.Globalization;

namespace Tss.Cli.Bench;

/// <summary>The benchmark's figures; <see cref="Print"/> ends with one JSON line (keys fixed by the issue).</summary>
internal sealed record BenchResult(int Docs, int Authorized, double DocsPerSecond, double P50Ms, double P99Ms, double StorageTxPerDoc, double DurableTxPerDoc, double WaitMs, double PeakRssMb)
{
    /// <summary>Documents per second the submitters got accepted (the offered rate when steady, the burst's speed otherwise).</summary>
    public double OfferedPerSecond { get; init; }

    /// <summary>
    /// p99 over the documents received after the first <see cref="PipelineBenchmark.WarmUp"/> of the run: the first lots
    /// pay for JIT, TLS handshakes, connection pools and the Durable partition lease, once per process.
    /// </summary>
    public double P99WarmMs { get; init; }

    public PhaseBreakdown? Phases { get; init; }

    public CpuUse? Cpu { get; init; }

    public void Print(BenchSettings s, double submitSeconds, double elapsedSeconds, Counters tx, Counters durableTx)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"documents        {Authorized} of {Docs} authorized ({s.Entities} entities, {s.Items} items each, batches of {s.Batch}, {s.Concurrency} concurrent submitters)"));
        Console.WriteLine(string.Create(c, $"clock            x{s.ClockScale} (mandated 15 s wait = {s.MandatedWaitMs:F0} ms), simulator tMed 0"));
        Console.WriteLine(string.Create(c, $"submit           {submitSeconds:F2} s ({Docs / Math.Max(submitSeconds, 1e-9):F0} docs/s accepted; {(s.Rate > 0 ? $"steady offer {s.Rate:F0} docs/s" : "burst")}, noise {s.Noise})"));
        Console.WriteLine(string.Create(c, $"sustained        {DocsPerSecond:F0} docs/s authorized (first receipt → last authorization)"));
        Console.WriteLine(string.Create(c, $"latency          p50 {P50Ms:F0} ms, p99 {P99Ms:F0} ms submit→authorized (target p99 ≤ {s.MandatedWaitMs + 1000:F0} ms); p99 {P99WarmMs:F0} ms after the first {PipelineBenchmark.WarmUp.TotalSeconds:F0} s (warm-up)"));
        if (Phases is not null)
        {
            Console.WriteLine(string.Create(c, $"where it waits   {Phases.Lots} lots, {Phases.DocsPerLot:F1} documents per lot; per authorized document, p50 / p99 ms:"));
            foreach (var (phase, p50, p99) in Phases.Phases)
            {
                Console.WriteLine(string.Create(c, $"                   {phase,-9} {p50,6:F0} / {p99,6:F0}"));
            }
        }
        if (Cpu is not null)
        {
            Console.WriteLine(string.Create(c, $"cpu              host {Cpu.Host:F2}, azurite {Cpu.Azurite:F2}, bench+simulator {Cpu.Bench:F2} cores; machine {Cpu.Machine:P0} busy of {Environment.ProcessorCount} cores; load average {Cpu.LoadAverage:F2}"));
        }
        Console.WriteLine(string.Create(c, $"storage          {tx.Total} transactions, {StorageTxPerDoc:F2} per authorized document"));
        foreach (var (op, n) in tx.Operations.OrderByDescending(x => x.Value))
        {
            Console.WriteLine(string.Create(c, $"                   {op}: {n} ({(double)n / Math.Max(Authorized, 1):F2}/doc)"));
        }
        Console.WriteLine(string.Create(c, $"durable backend  {durableTx.Total} transactions, {DurableTxPerDoc:F2} per authorized document (task hub queues, history, instances, leases)"));
        foreach (var (op, n) in durableTx.Operations.OrderByDescending(x => x.Value))
        {
            Console.WriteLine(string.Create(c, $"                   {op}: {n} ({(double)n / Math.Max(Authorized, 1):F2}/doc)"));
        }
        Console.WriteLine(string.Create(c, $"total storage    {StorageTxPerDoc + DurableTxPerDoc:F2} transactions per authorized document (target ≤ 4)"));
        Console.WriteLine(string.Create(c, $"memory           host peak {PeakRssMb:F0} MB RSS (VmHWM)"));
        Console.WriteLine(string.Create(c, $"wall             {elapsedSeconds:F1} s"));
        Console.WriteLine(string.Create(c,
            $"{{\"docs\":{Docs},\"authorized\":{Authorized},\"docsPerSecond\":{DocsPerSecond:F1},\"p50Ms\":{P50Ms:F0},\"p99Ms\":{P99Ms:F0},\"p99WarmMs\":{P99WarmMs:F0},\"storageTxPerDoc\":{StorageTxPerDoc:F2},\"durableTxPerDoc\":{DurableTxPerDoc:F2},\"waitMs\":{WaitMs:F0},\"peakRssMb\":{PeakRssMb:F0},\"rate\":{s.Rate:F0},\"noise\":{s.Noise},\"offeredPerSecond\":{OfferedPerSecond:F1},\"phasesMs\":{Phases?.ToJson() ?? "{}"},\"cpuCores\":{{\"host\":{Cpu?.Host ?? 0:F2},\"azurite\":{Cpu?.Azurite ?? 0:F2},\"bench\":{Cpu?.Bench ?? 0:F2},\"machineBusy\":{Cpu?.Machine ?? 0:F2}}},\"loadAverage\":{Cpu?.LoadAverage ?? 0:F2}}}"));
    }
}
