using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Pki;
using Tss.Sefaz.Simulator;
using Tss.Testing.Pki;

namespace Tss.Testing.Sefaz;

/// <summary>
/// The simulator on free ports with its own test CA, the CA written as a trust anchor (for the SEFAZ client and for
/// certificate uploads) and its CRL published over HTTP, so what the CA issues passes online revocation checks (shared
/// by the pipeline, host, portal and MD-e suites).
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(TestCertificateAuthority ca, WebApplication app, string anchor, CrlServer crls) => (Ca, App, AnchorPath, Crls) = (ca, app, anchor, crls);

    public TestCertificateAuthority Ca { get; }

    /// <summary>Serves the CA's CRL (the CA names it in everything it issues).</summary>
    public CrlServer Crls { get; }
    public WebApplication App { get; }
    public string AnchorPath { get; }
    public Uri SoapUri => SimulatorApp.SoapUri(App);
    public Uri AdminUri => SimulatorApp.AdminUri(App);

    public static async Task<SimulatorHarness> StartAsync(TimeProvider time, CancellationToken ct)
    {
        var ca = TestCertificateAuthority.Create("TSS Tests CA");
        var crls = await CrlServer.StartAsync(ct);
        crls.Publish("tests-ca", ca);
        var app = SimulatorApp.Build(new SimulatorOptions
        {
            SoapPort = 0,
            AdminPort = 0,
            ServerCertificate = ca.IssueServer("localhost"),
            ClientCaCertificate = ca.Certificate,
            TMedSeconds = 1,
            MinPollInterval = TimeSpan.Zero,
        }, time, l => l.ClearProviders());
        await app.StartAsync(ct);
        var anchor = Path.Combine(Path.GetTempPath(), $"tss-tests-ca-{Guid.NewGuid():N}.crt");
        ca.ExportCaPem(anchor);
        return new SimulatorHarness(ca, app, anchor, crls);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        await Crls.DisposeAsync();
        Ca.Dispose();
        File.Delete(AnchorPath);
    }
}
