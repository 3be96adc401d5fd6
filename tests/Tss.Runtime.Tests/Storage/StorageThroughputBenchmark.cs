using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tss.Runtime.Storage;
using Tss.Runtime.Tests.Support;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Storage;

/// <summary>
/// Prints table upserts/s, queue sends/s and blob uploads/s on Azurite at high concurrency (figures for the
/// pipeline design, not a pass/fail criterion: only the transaction counts are asserted).
/// </summary>
public sealed class StorageThroughputBenchmark(AzuriteFixture azurite)
{
    /// <summary>Each phase runs this long (bounded so the suite stays fast; the figure is a rate, not a total).</summary>
    private static readonly TimeSpan PhaseLength = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    public async Task Storage_throughput_on_Azurite_is_reported(int concurrency)
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var ct = TestContext.Current.CancellationToken;
        var table = storage.GetTable(azurite.UniqueName("bench"));
        await table.CreateAsync(ct);
        var queue = storage.GetQueue(azurite.UniqueName("bench"));
        await queue.CreateAsync(cancellationToken: ct);
        var container = storage.GetContainer(azurite.UniqueName("bench"));
        await container.CreateAsync(cancellationToken: ct);
        var xml = BinaryData.FromString("<nfeProc>" + new string('x', 8 * 1024) + "</nfeProc>"); // a typical authorized NF-e size
        storage.Counter.Reset();

        var (upserts, upsertRate) = await MeasureAsync(concurrency, i => table.UpsertEntityAsync(
            new TableEntity($"p{i % 50:D2}", $"doc-{i:D6}") { ["status"] = "authorized", ["cStat"] = 100 }, TableUpdateMode.Replace, ct));
        var (sends, sendRate) = await MeasureAsync(concurrency, i => queue.SendMessageAsync($$$"""{"body":{"documentId":"doc-{{{i:D6}}}","lotId":"lot-{{{i / 50}}}"}}""", ct));
        var (uploads, uploadRate) = await MeasureAsync(concurrency, i => container.GetBlobClient($"authorized/doc-{i:D6}.xml").UploadAsync(xml, ct));

        var counted = storage.Counter.Snapshot();
        Assert.Equal(upserts, counted.For(StorageService.Table, "InsertOrReplaceEntity"));
        Assert.Equal(sends, counted.For(StorageService.Queue, "PutMessage"));
        Assert.Equal(uploads, counted.For(StorageService.Blob, "PutBlob"));
        Assert.Equal(upserts + sends + uploads, counted.Total);

        var report = string.Create(CultureInfo.InvariantCulture,
            $"Azurite throughput ({concurrency} concurrent, {Environment.ProcessorCount} cores, load {LoadAverage()}): " +
            $"table upserts {upsertRate:0}/s, queue sends {sendRate:0}/s, blob uploads (8 KiB) {uploadRate:0}/s");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.AddAttachment($"storage-throughput-{concurrency}", report);
    }

    /// <summary>Runs calls <paramref name="concurrency"/> at a time for <see cref="PhaseLength"/>; returns the count and the rate per second.</summary>
    private static async Task<(long Count, double PerSecond)> MeasureAsync(int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < PhaseLength)
            {
                await operation(Interlocked.Increment(ref next));
            }
        }));
        var count = next + 1L;
        return (count, count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>The machine's one-minute load average (the figures mean little on a busy machine).</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
