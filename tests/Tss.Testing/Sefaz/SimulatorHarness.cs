using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tss.DevTools.Pki;
using Tss.Sefaz.Simulator;

namespace Tss.Testing.Sefaz;

/// <summary>The simulator on free ports with its own test CA, and the CA written as a trust anchor for the client (shared by the pipeline and host suites).</summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(TestCertificateAuthority ca, WebApplication app, string anchor) => (Ca, App, AnchorPath) = (ca, app, anchor);

    public TestCertificateAuthority Ca { get; }
    public WebApplication App { get; }
    public string AnchorPath { get; }
    public Uri SoapUri => SimulatorApp.SoapUri(App);
    public Uri AdminUri => SimulatorApp.AdminUri(App);

    public static async Task<SimulatorHarness> StartAsync(TimeProvider time, CancellationToken ct)
    {
        var ca = TestCertificateAuthority.Create("TSS Tests CA");
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
        return new SimulatorHarness(ca, app, anchor);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Ca.Dispose();
        File.Delete(AnchorPath);
    }
}
