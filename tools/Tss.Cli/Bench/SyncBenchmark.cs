using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Options;
using Tss.Cli.Local;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client;

namespace Tss.Cli.Bench;

/// <summary>
/// <c>tss bench --sync [--docs N] [--concurrency C]</c>: N NFC-e submitted one after another to the host (its own
/// process, on Azurite and the simulator), each answered within the request (indSinc=1), then N more with C in flight.
/// The simulator's own answer time is measured by sending as many NFC-e straight to it with the SEFAZ client (same
/// machine, same TLS, same signing done beforehand), so the overhead is the host's: ingest, storage, lot record,
/// outcome and procNFe writes. A program that prints figures, not a test.
/// </summary>
internal static class SyncBenchmark
{
    private const string Cnpj = "11222333000181";
    private const int Warmup = 5;

    public static async Task<int> RunAsync(CommandLine cmd)
    {
        var docs = cmd.GetInt("docs", 200);
        var concurrency = cmd.GetInt("concurrency", 4);
        var started = Stopwatch.StartNew();
        await using var azurite = await AzuriteServer.StartAsync();
        await using var local = await LocalStack.StartAsync(azurite.ConnectionString, TimeProvider.System, "bench");
        using var cert = local.IssueECnpj(Cnpj, "EMITENTE BENCH SYNC");
        var tenant = await local.Admin.CreateTenantAsync("Bench sync", "bench");
        await local.SaveEntityAsync(tenant.TenantId, Cnpj, cert);
        var apiKey = (await local.Admin.CreateApiKeyAsync(tenant.TenantId)).Key;
        var port = FreePorts.Allocate();
        var environment = local.HostEnvironment();
        environment["Logging__LogLevel__Default"] = cmd.Has("verbose") ? "Information" : "Warning";
        await using var host = await HostProcess.StartAsync(cmd.Get("host-assembly") ?? HostProcess.DefaultAssembly(), port, environment);
        using var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var options = Options.Create(new Tss.Sefaz.Client.SefazClientOptions { BaseUrlOverride = local.SoapUri, TrustAnchorPath = local.AnchorPath });
        using var sefaz = new SefazClient(new SefazEndpoints(options), options);

        // Documents are made (and, for the direct sends, signed) before any clock starts: the ERP's cost, not ours.
        var number = 0;
        List<string> Bodies(int n) => [.. Enumerable.Range(0, n).Select(_ => JsonSerializer.Serialize(new { documents = new[] { new { xml = Nfce(++number) } } }))];
        var direct = Enumerable.Range(0, docs + Warmup).Select(_ => SignedEnviNFe(Nfce(++number), cert)).ToList();
        var sequential = Bodies(docs + Warmup);
        var parallel = Bodies(docs);
        Console.Error.WriteLine($"bench: stack up in {started.Elapsed.TotalSeconds:F1} s; {docs} NFC-e direct to the simulator, then through {host.BaseUri} one by one, then {concurrency} at a time");

        var target = new SefazTarget("SP", 65, 2);
        var simMs = new List<double>();
        foreach (var (enviNFe, i) in direct.Select((e, i) => (e, i)))
        {
            var clock = Stopwatch.StartNew();
            var answer = await sefaz.AutorizarAsync(target, cert, enviNFe);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (answer.protNFe?.cStat != 100)
            {
                throw new InvalidOperationException($"bench: the simulator did not authorize a direct send: {answer.cStat} {answer.protNFe?.cStat} {answer.xMotivo}");
            }
            if (i >= Warmup)
            {
                simMs.Add(ms);
            }
        }

        var httpMs = new List<double>();
        foreach (var (body, i) in sequential.Select((b, i) => (b, i)))
        {
            var ms = await SubmitAsync(http, body, CancellationToken.None);
            if (i >= Warmup)
            {
                httpMs.Add(ms);
            }
        }

        var concurrentMs = new System.Collections.Concurrent.ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(parallel, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (body, ct) => concurrentMs.Add(await SubmitAsync(http, body, ct)));
        var concurrentSeconds = wall.Elapsed.TotalSeconds;

        var sim50 = P(simMs, 50);
        var sim99 = P(simMs, 99);
        var http50 = P(httpMs, 50);
        var http99 = P(httpMs, 99);
        var c50 = P([.. concurrentMs], 50);
        var c99 = P([.. concurrentMs], 99);
        Console.WriteLine($"simulator answer (direct) p50 {sim50,8:F1} ms   p99 {sim99,8:F1} ms   ({simMs.Count} NFC-e, one at a time)");
        Console.WriteLine($"HTTP round trip           p50 {http50,8:F1} ms   p99 {http99,8:F1} ms   ({httpMs.Count} NFC-e, one at a time)");
        Console.WriteLine($"overhead                  p50 {http50 - sim50,8:F1} ms   p99 {http99 - sim99,8:F1} ms");
        Console.WriteLine($"HTTP, {concurrency} in flight      p50 {c50,8:F1} ms   p99 {c99,8:F1} ms   ({concurrentMs.Count / concurrentSeconds:F1} NFC-e/s)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"bench\":\"sync\",\"docs\":{docs},\"concurrency\":{concurrency},\"httpP50Ms\":{http50:F1},\"httpP99Ms\":{http99:F1},\"simP50Ms\":{sim50:F1},\"simP99Ms\":{sim99:F1},\"overheadP50Ms\":{http50 - sim50:F1},\"overheadP99Ms\":{http99 - sim99:F1},\"concurrentP50Ms\":{c50:F1},\"concurrentP99Ms\":{c99:F1},\"concurrentPerSecond\":{concurrentMs.Count / concurrentSeconds:F1}}}"));
        return 0;
    }

    private static double P(List<double> sample, double p) => LatencyStats.Percentile([.. sample.Order()], p);

    /// <summary>One submission; it must come back 200 authorized (answered within the request).</summary>
    private static async Task<double> SubmitAsync(HttpClient http, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri($"api/v1/entities/{Cnpj}/nfe", UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains("\"Authorized\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"bench: a sync NFC-e was not authorized in the request: {(int)response.StatusCode} {text}");
        }
        return ms;
    }

    private static string Nfce(int nNF) => SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, mod = 65, nNF = nNF, Items = 4 });

    /// <summary>An enviNFe with indSinc=1 holding <paramref name="xml"/> with its QR code, signed as the host would.</summary>
    private static string SignedEnviNFe(string xml, X509Certificate2 cert)
    {
        var nfe = SafeXml.Load(xml).DocumentElement!;
        var inf = nfe.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().Single();
        NfceQrCode.AddTo(nfe, inf.GetAttribute("Id")[3..], 2, "SP", null);
        new XmlDsigSigner(cert).Sign(inf);
        return NfeRequests.EnviNFe(Tss.Pipeline.Lots.IdLote.Next(DateTimeOffset.UtcNow), indSinc: true, [nfe.OuterXml]);
    }
}
