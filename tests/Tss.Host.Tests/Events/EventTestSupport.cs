using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tss.Host.Tests.Events;

internal static class EventTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Submits a sample NF-e and waits until it is authorized; returns its key.</summary>
    public static async Task<string> AuthorizeAsync(HostFixture host, TestTenant tenant, string cnpj)
    {
        using var submit = await tenant.Http.PostAsync(new Uri($"/api/v1/entities/{cnpj}/nfe", UriKind.Relative), ApiJson.Documents((host.SampleNfe(cnpj), null)), Ct);
        var chNFe = (await ApiJson.ReadAsync(submit))["documents"]![0]!["chNFe"]!.GetValue<string>();
        var final = await ApiJson.WaitForFinalAsync(tenant.Http, cnpj, chNFe, TimeSpan.FromSeconds(60));
        Assert.Equal("Authorized", final["status"]!.GetValue<string>());
        return chNFe;
    }

    /// <summary>Polls the events route until <paramref name="answered"/> events are answered (registered or rejected).</summary>
    public static async Task<JsonObject> WaitForEventsAsync(HttpClient http, string cnpj, string chNFe, int answered)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var body = await http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/entities/{cnpj}/nfe/{chNFe}/events", UriKind.Relative), Ct);
            var done = body!["events"]!.AsArray().Count(e => e!["status"]!.GetValue<string>() is "Registered" or "Rejected");
            if (done >= answered || DateTime.UtcNow > deadline)
            {
                return body;
            }
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>xmlsec1 over a signed evento (the Id attribute of infEvento is the reference target).</summary>
    public static async Task<(int Exit, string Output)> XmlSec1VerifyEventAsync(string file, string caPem, CancellationToken ct)
    {
        var start = new ProcessStartInfo("xmlsec1") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--verify", "--id-attr:Id", "http://www.portalfiscal.inf.br/nfe:infEvento", "--trusted-pem", caPem, file })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start (apt-get install xmlsec1, or run ./tss test).");
        var output = await process.StandardError.ReadToEndAsync(ct) + await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, output);
    }
}
