using System.Text.Json.Nodes;
using Tss.DevTools.Processes;

[assembly: AssemblyFixture(typeof(Tss.Functions.Tests.PublishedApp))]

namespace Tss.Functions.Tests;

/// <summary>
/// functions/Tss.Functions published once for the assembly (<c>dotnet publish --no-build</c> of what the test build
/// already built, into a temporary folder), with its functions.metadata and host.json read.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);
    private string _folder = "";

    public static string Project => Path.Combine(Tss.DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Functions", "Tss.Functions.csproj");

    /// <summary>The published folder.</summary>
    public string Folder => _folder;

    /// <summary>Every function of functions.metadata.</summary>
    public IReadOnlyList<PublishedFunction> Functions { get; private set; } = [];

    /// <summary>The published host.json.</summary>
    public JsonNode HostJson { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("tss-functions-").FullName;
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!); // bin/<Configuration>/net10.0
        var publish = await ProcessRunner.RunAsync("dotnet", ["publish", Project, "-c", configuration, "--no-build", "-nologo", "-o", _folder],
            PublishTimeout, workingDirectory: _folder, environment: environment);
        if (publish.ExitCode != 0)
        {
            // Not built in this configuration yet (a test run without the solution build): build while publishing.
            publish = await ProcessRunner.RunAsync("dotnet", ["publish", Project, "-c", configuration, "-nologo", "-o", _folder],
                PublishTimeout, workingDirectory: _folder, environment: environment);
        }
        Assert.True(publish.ExitCode == 0, publish.Output);
        Functions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "functions.metadata")))!.AsArray()
            .Select(f => PublishedFunction.From(f!)).ToList();
        HostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "host.json")))!;
    }

    public ValueTask DisposeAsync()
    {
        if (_folder.Length > 0 && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
