using System.Formats.Tar;
using System.Text.Json.Nodes;
using Tss.DevTools.Processes;
using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>
/// The image azd deploys is built by the .NET SDK (<c>dotnet publish -t:PublishContainer</c>), no Docker involved.
/// Here it is built to a tarball on a stand-in base image (mcr.microsoft.com is out of reach), from a minimal web
/// project shaped like the host; point <see cref="Project"/> at functions/Tss.Host once it exists.
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Web_project_publishes_as_an_oci_image_tarball_without_docker()
    {
        var ct = TestContext.Current.CancellationToken;
        using var registry = new StandInBaseImageRegistry();
        var work = Directory.CreateTempSubdirectory("tss-image-").FullName;
        try
        {
            var project = await Project(work, ct);
            var archive = Path.Combine(work, "out", "tss-host.tar.gz");

            var publish = await ProcessRunner.RunAsync("dotnet",
                ["publish", project, "-c", "Release", "-t:PublishContainer", "-nologo",
                 $"-p:ContainerArchiveOutputPath={archive}", "-p:ContainerRepository=tss-host", "-p:ContainerImageTag=ci",
                 $"-p:ContainerBaseImage={registry.BaseImage}"],
                PublishTimeout, workingDirectory: work,
                environment: new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });

            Assert.True(publish.ExitCode == 0, publish.Output);
            var config = await ImageConfig(archive, ct);
            Assert.NotNull(config["ExposedPorts"]?["8080/tcp"]);
            Assert.Equal("1654", (string?)config["User"]);
            Assert.Equal(["dotnet", "/app/Probe.Host.dll"], config["Entrypoint"]!.AsArray().Select(e => (string)e!));
            Assert.Equal(registry.BaseImage, (string?)config["Labels"]!["org.opencontainers.image.base.name"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A minimal ASP.NET Core project outside the repository (so no repository build settings apply).</summary>
    private static async Task<string> Project(string work, CancellationToken ct)
    {
        var dir = Directory.CreateDirectory(Path.Combine(work, "Probe.Host")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "Probe.Host.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(dir, "Program.cs"), """
            var app = WebApplication.Create(args);
            app.MapGet("/health/live", () => "ok");
            app.Run();
            """, ct);
        // Keep the repository's Directory.Build.props, Directory.Packages.props and global.json out of reach.
        await File.WriteAllTextAsync(Path.Combine(work, "Directory.Build.props"), "<Project />", ct);
        await File.WriteAllTextAsync(Path.Combine(work, "Directory.Packages.props"), "<Project />", ct);
        return Path.Combine(dir, "Probe.Host.csproj");
    }

    /// <summary>Reads the image configuration out of the OCI layout tarball: index.json → manifest → config.</summary>
    private static async Task<JsonNode> ImageConfig(string archive, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var stream = File.OpenRead(archive))
        await using (var reader = new TarReader(stream))
        {
            while (await reader.GetNextEntryAsync(cancellationToken: ct) is { } entry)
            {
                if (entry.DataStream is not null && (entry.Name.EndsWith(".json", StringComparison.Ordinal) || entry.DataStream.Length < 64 * 1024))
                {
                    using var copy = new MemoryStream();
                    await entry.DataStream.CopyToAsync(copy, ct);
                    files[entry.Name] = copy.ToArray();
                }
            }
        }
        JsonNode Blob(string digest) => JsonNode.Parse(files["blobs/sha256/" + digest.Split(':')[1]])!;
        var index = JsonNode.Parse(files["index.json"])!;
        var manifest = Blob((string)index["manifests"]![0]!["digest"]!);
        return Blob((string)manifest["config"]!["digest"]!)["config"]!;
    }
}
