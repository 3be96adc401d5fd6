using System.Text.Json;

namespace Tss.Cli.Tests;

/// <summary><c>tss chaos</c> end to end: its own Azurite, simulator, webhook receiver and host process, killed and restarted.</summary>
public sealed class ChaosCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tss-chaos-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Chaos_with_host_kills_ends_with_every_document_authorized_once_and_a_json_verdict()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var host = Path.Combine(DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Host", "bin", configuration, "net10.0", "Tss.Host.dll");

        var (exit, stdout, stderr) = await TssProcess.RunAsync(_home, null, TimeSpan.FromMinutes(5),
            "chaos", "--docs", "60", "--kills", "2", "--seed", "7", "--entities", "2", "--host-assembly", host);

        Assert.True(exit == 0, $"{stdout}{Environment.NewLine}{stderr}");
        // The first kill always comes (while the first lots are in flight); the second only if the run lasts long enough.
        var kills = stderr.Split('\n').Count(l => l.Contains("SIGKILL host", StringComparison.Ordinal));
        Assert.InRange(kills, 1, 2);
        Assert.Contains($"host SIGKILLed {kills} of 2 times", stdout, StringComparison.Ordinal);
        using var verdict = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var json = verdict.RootElement;
        Assert.Equal(60, json.GetProperty("docs").GetInt32());
        Assert.Equal(60, json.GetProperty("authorized").GetInt32());
        foreach (var counter in new[] { "lost", "blindResends", "doubleDebits", "duplicateDeliveries" })
        {
            Assert.Equal(0, json.GetProperty(counter).GetInt32());
        }
        Assert.True(json.GetProperty("seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Chaos_refuses_a_run_without_documents()
    {
        var (exit, _, stderr) = await TssProcess.RunAsync(_home, "chaos", "--docs", "0", "--kills", "1");

        Assert.Equal(64, exit);
        Assert.Contains("--docs", stderr, StringComparison.Ordinal);
    }
}
