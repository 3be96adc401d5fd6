using System.Text.Json;

namespace Tss.Cli.Tests;

/// <summary><c>tss drill contingency</c> end to end: its own Azurite, simulator and host process; SP down and back mid-run.</summary>
public sealed class DrillCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tss-drill-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task A_small_outage_drill_authorizes_every_document_once_some_through_svc_an_and_loses_none()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var host = Path.Combine(DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Host", "bin", configuration, "net10.0", "Tss.Host.dll");

        var (exit, stdout, stderr) = await TssProcess.RunAsync(_home, null, TimeSpan.FromMinutes(3),
            "drill", "contingency", "--docs", "60", "--host-assembly", host);

        Assert.True(exit == 0, $"{stdout}{Environment.NewLine}{stderr}");
        using var verdict = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var json = verdict.RootElement;
        Assert.Equal(60, json.GetProperty("docs").GetInt32());
        Assert.Equal(60, json.GetProperty("authorized").GetInt32());
        Assert.Equal(0, json.GetProperty("authorizedTwice").GetInt32());
        Assert.Equal(0, json.GetProperty("lost").GetInt32());
        Assert.True(json.GetProperty("viaSvc").GetInt32() > 0, stdout);
        Assert.Equal(json.GetProperty("viaSvc").GetInt32(), json.GetProperty("rekeyed").GetInt32());
        Assert.Equal(60, json.GetProperty("viaSvc").GetInt32() + json.GetProperty("viaUf").GetInt32());
        Assert.True(json.GetProperty("decisions").GetInt32() >= 2, stdout); // into contingency and back
    }

    [Fact]
    public async Task The_drill_refuses_too_few_documents()
    {
        var (exit, _, stderr) = await TssProcess.RunAsync(_home, "drill", "contingency", "--docs", "2");

        Assert.Equal(64, exit);
        Assert.Contains("--docs", stderr, StringComparison.Ordinal);
    }
}
