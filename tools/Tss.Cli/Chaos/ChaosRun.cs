using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tss.DevTools.Chaos;
using Tss.DevTools.Samples;
using Tss.Sefaz.Simulator;

namespace Tss.Cli.Chaos;

/// <summary>
/// <c>tss chaos --docs N --kills K</c>: N NF-e over several entities through the REST API while the host is SIGKILLed
/// K times at seeded random moments (and Azurite restarted, when asked) and restarted each time; then every document
/// must be final, and what SEFAZ, the credits ledger and the webhook receiver saw must show each thing done once.
/// A program that prints figures and a verdict, not a test.
/// </summary>
internal static partial class ChaosRun
{
    private static readonly string[] FinalStatuses = ["Authorized", "Denied", "Rejected"];
    private static readonly string FinalFilter = string.Join(" or ", FinalStatuses.Select(f => $"Status eq '{f}'"));

    public static async Task<int> RunAsync(ChaosSettings s)
    {
        var setup = Stopwatch.StartNew();
        await using var stack = await ChaosStack.StartAsync(s);
        var tenants = await stack.OnboardAsync(s.Entities, credits: s.Docs + 1000L);
        await stack.StartHostAsync();
        var work = Generate(s, tenants, stack);
        Console.Error.WriteLine($"chaos: stack up and {s.Docs} documents generated in {setup.Elapsed.TotalSeconds:F1} s; host at {stack.HostUri}, {s.Kills} kills, {s.AzuriteRestarts} Azurite restarts, seed {s.Seed}");

        var schedule = Schedule(s);
        var accepted = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var up = Stopwatch.StartNew(); // since the host's last start
        using var submitting = new CancellationTokenSource();
        var submission = SubmitAllAsync(stack, work, s.Concurrency, accepted, submitting.Token);

        var documents = () => new TableServiceClient(stack.ConnectionString).GetTableClient("documents");
        var final = 0;
        var nextReport = TimeSpan.FromSeconds(10);
        var kills = 0;
        var restarts = 0;
        while (clock.Elapsed < s.Timeout)
        {
            await Task.Delay(500);
            var counted = await CountFinalAsync(documents());
            final = counted ?? final;
            if (clock.Elapsed >= nextReport)
            {
                Console.Error.WriteLine($"chaos: {clock.Elapsed.TotalSeconds,6:F1} s  {final}/{s.Docs} final{(counted is null ? " (storage not answering)" : "")}");
                nextReport += TimeSpan.FromSeconds(10);
            }
            if (submission.IsCompleted && final >= accepted.Count)
            {
                break;
            }
            if (schedule.TryPeek(out var next) && up.Elapsed >= next.MinUptime && (final >= next.Progress * s.Docs || up.Elapsed >= next.MaxUptime))
            {
                schedule.Dequeue();
                if (next.Kind == ChaosAction.KillHost)
                {
                    Console.Error.WriteLine($"chaos: {clock.Elapsed.TotalSeconds,6:F1} s  {final}/{s.Docs} final: SIGKILL host (pid {stack.Host?.Id})");
                    await stack.KillHostAsync();
                    kills++;
                }
                else
                {
                    Console.Error.WriteLine($"chaos: {clock.Elapsed.TotalSeconds,6:F1} s  {final}/{s.Docs} final: restarting Azurite (host killed with it)");
                    await stack.KillHostAsync();
                    await stack.RestartAzuriteAsync();
                    restarts++;
                }
                await stack.StartHostAsync();
                up.Restart();
            }
        }
        await submitting.CancelAsync();
        try
        {
            await submission;
        }
        catch (OperationCanceledException)
        {
            // Timed out while still submitting.
        }
        var processing = clock.Elapsed.TotalSeconds;

        // Deliveries follow the outcomes: give them a moment to arrive.
        var delivered = Stopwatch.StartNew();
        while (delivered.Elapsed < TimeSpan.FromSeconds(60) && ChaosAudit.Deliveries(stack.Webhooks.Receipts).Delivered.Count < final)
        {
            await Task.Delay(500);
        }
        var result = await AuditAsync(stack, tenants, accepted.Keys.ToHashSet(StringComparer.Ordinal), documents()) with { Docs = s.Docs, Seconds = clock.Elapsed.TotalSeconds };
        result = result with { KillsDone = kills, AzuriteRestartsDone = restarts };
        if (s.Verbose)
        {
            Console.Error.WriteLine($"chaos: every document final after {processing:F1} s");
        }
        if (kills < s.Kills || restarts < s.AzuriteRestarts)
        {
            Console.Error.WriteLine("chaos: every document was final before every scheduled kill/restart came (more --docs give the run more time)");
        }
        if (!result.Passed && stack.Host is { } host)
        {
            // What the host logged last (warnings and errors): the first place to look.
            var output = host.Output;
            Console.Error.WriteLine($"chaos: host output (last 8 KB):{Environment.NewLine}{output[Math.Max(0, output.Length - 8192)..]}");
        }
        result.Print(s);
        return result.Passed ? 0 : 1;
    }

    /// <summary>
    /// The kills and Azurite restarts, spread over the run: the i-th comes once a seeded share of the documents is
    /// final (uniform in 0–90 %, in order) or, when progress stalls, once the host has been up a seeded 30–60 s (a killed host's leases take 15 s to come back) — and
    /// never before it has been up a seeded 0.5–3 s. Whatever the host is doing then (submissions, sends, receipt
    /// waits, outcomes, deliveries) is where it dies.
    /// </summary>
    private static Queue<ChaosStep> Schedule(ChaosSettings s)
    {
        var random = new Random(s.Seed);
        var actions = Enumerable.Repeat(ChaosAction.KillHost, s.Kills).Concat(Enumerable.Repeat(ChaosAction.RestartAzurite, s.AzuriteRestarts)).ToArray();
        random.Shuffle(actions);
        // The first comes as soon as the host has been up its while: a run always sees at least one kill mid-flight.
        var progress = actions.Select((_, i) => i == 0 ? 0 : random.NextDouble() * 0.9).Order().ToArray();
        return new Queue<ChaosStep>(actions.Select((a, i) => new ChaosStep(a, progress[i],
            TimeSpan.FromMilliseconds(random.Next(500, 3000)), TimeSpan.FromMilliseconds(random.Next(30_000, 60_000)))));
    }

    private static List<Submission> Generate(ChaosSettings s, List<(string Cnpj, string TenantId, string ApiKey)> tenants, ChaosStack stack)
    {
        var perEntity = (s.Docs + s.Entities - 1) / s.Entities;
        var work = new List<Submission>();
        for (var i = 0; i < s.Entities; i++)
        {
            var count = Math.Max(0, Math.Min(perEntity, s.Docs - (i * perEntity)));
            foreach (var chunk in Enumerable.Range(1, count).Chunk(s.Batch))
            {
                var documents = chunk.Select(n => new { xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = tenants[i].Cnpj, nNF = n, Items = s.Items }, stack.Clock) });
                work.Add(new Submission(tenants[i].Cnpj, tenants[i].ApiKey, JsonSerializer.Serialize(new { documents })));
            }
        }
        // Interleaved entities, so every entity is in flight when the kills come.
        return [.. work.Select((w, i) => (w, i)).OrderBy(x => x.i % Math.Max(1, work.Count / s.Entities)).Select(x => x.w)];
    }

    /// <summary>Submits every batch; a batch the host did not answer (killed mid-request) is sent again, as an ERP would (resubmitting a key is safe).</summary>
    private static async Task SubmitAllAsync(ChaosStack stack, List<Submission> work, int concurrency, ConcurrentDictionary<string, bool> accepted, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = stack.HostUri, Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (w, token) =>
        {
            while (true)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/v1/entities/{w.Cnpj}/nfe", UriKind.Relative))
                    {
                        Content = new StringContent(w.Body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", w.ApiKey);
                    using var response = await http.SendAsync(request, token);
                    if (response.IsSuccessStatusCode)
                    {
                        var answer = await response.Content.ReadFromJsonAsync<SubmitAnswer>(token);
                        foreach (var d in answer?.Documents ?? [])
                        {
                            if (d.chNFe is { } key && d.Error is not { ValueKind: not JsonValueKind.Null })
                            {
                                accepted[key] = true;
                            }
                        }
                        return;
                    }
                    if ((int)response.StatusCode < 500 && (int)response.StatusCode != 429)
                    {
                        throw new InvalidOperationException($"chaos submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
                {
                    // The host died under the request: send the batch again once it is back.
                }
                await Task.Delay(1000, token);
            }
        });
    }

    private static async Task<int?> CountFinalAsync(TableClient documents)
    {
        try
        {
            var n = 0;
            await foreach (var _ in documents.QueryAsync<TableEntity>(FinalFilter, select: ["RowKey"]))
            {
                n++;
            }
            return n;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return null; // Azurite restarting
        }
    }

    private static async Task<ChaosResult> AuditAsync(ChaosStack stack, List<(string Cnpj, string TenantId, string ApiKey)> tenants, HashSet<string> accepted, TableClient documents)
    {
        var ours = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var d in documents.QueryAsync<TableEntity>(select: ["RowKey", "Status"]))
        {
            if (!d.RowKey.Contains('|', StringComparison.Ordinal))
            {
                ours[d.RowKey] = d.GetString("Status");
            }
        }
        using var admin = new HttpClient { BaseAddress = SimulatorApp.AdminUri(stack.Simulator) };
        var sefazBase = await SefazAuthorization.ReadAsync(admin);
        var authorizedThere = sefazBase.Where(a => a.cStat == 100).Select(a => a.chNFe).ToHashSet(StringComparer.Ordinal);
        var final = ours.Where(d => FinalStatuses.Contains(d.Value)).Select(d => d.Key).ToList();
        var debits = new List<string>();
        foreach (var (_, tenantId, _) in tenants)
        {
            string? page = null;
            do
            {
                var lines = await stack.Credits.ListAsync(tenantId, 1000, page, CancellationToken.None);
                debits.AddRange(lines.Entries.Where(e => e.Kind == "debit").Select(e => e.Reference));
                page = lines.ContinuationToken;
            }
            while (page is not null);
        }
        var deliveries = ChaosAudit.Deliveries(stack.Webhooks.Receipts);
        return new ChaosResult(
            Docs: 0,
            Authorized: ours.Count(d => d.Value == "Authorized" && authorizedThere.Contains(d.Key)),
            Lost: accepted.Count(k => !ours.TryGetValue(k, out var status) || !FinalStatuses.Contains(status)),
            BlindResends: ChaosAudit.BlindResends(await SefazExchange.ReadAsync(admin)),
            DoubleDebits: ChaosAudit.DoubleDebits(debits),
            DuplicateDeliveries: deliveries.Duplicates,
            Seconds: 0)
        {
            AuthorizedTwice = sefazBase.Count(a => a.TimesAuthorized > 1),
            Accepted = accepted.Count,
            Debits = debits.Count,
            Delivered = deliveries.Delivered.Count,
            Redeliveries = deliveries.Redeliveries,
            Undelivered = final.Count(k => !deliveries.Delivered.Contains(k)),
        };
    }

    private sealed record Submission(string Cnpj, string ApiKey, string Body);

    private sealed record SubmitAnswer(List<SubmitDocument> Documents);

    private sealed record SubmitDocument(string? chNFe, string? Status, JsonElement? Error);

    private enum ChaosAction
    {
        KillHost,
        RestartAzurite,
    }

    private sealed record ChaosStep(ChaosAction Kind, double Progress, TimeSpan MinUptime, TimeSpan MaxUptime);
}
