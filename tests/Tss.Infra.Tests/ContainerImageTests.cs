using System.Formats.Tar;
using System.Text.Json.Nodes;
using Tss.DevTools.Processes;
using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>
/// The image azd deploys is built by the .NET SDK (<c>dotnet publish -t:PublishContainer</c>), no Docker involved.
/// Here the real host (functions/Tss.Host) is built to a tarball on a stand-in base image served by a loopback
/// registry (mcr.microsoft.com is out of reach), so the test runs offline.
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(9);

    private static string HostProject => Path.Combine(Tss.DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Host", "Tss.Host.csproj");

    [Fact]
    public async Task The_host_publishes_as_an_oci_image_tarball_without_docker()
    {
        var ct = TestContext.Current.CancellationToken;
        using var registry = new StandInBaseImageRegistry();
        var work = Directory.CreateTempSubdirectory("tss-image-").FullName;
        try
        {
            var archive = Path.Combine(work, "out", "tss-host.tar.gz");

            // Its own output and intermediate folders: the publish never races a build of the same project.
            var publish = await ProcessRunner.RunAsync("dotnet",
                ["publish", HostProject, "-c", "Release", "-t:PublishContainer", "-nologo",
                 "-o", Path.Combine(work, "publish"),
                 $"-p:ContainerArchiveOutputPath={archive}", "-p:ContainerRepository=tss-host", "-p:ContainerImageTag=ci",
                 $"-p:ContainerBaseImage={registry.BaseImage}"],
                PublishTimeout, workingDirectory: work,
                environment: new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });

            Assert.True(publish.ExitCode == 0, publish.Output);
            var config = await ImageConfig(archive, ct);
            Assert.NotNull(config["ExposedPorts"]?["8080/tcp"]);
            Assert.Equal("1654", (string?)config["User"]);
            Assert.Equal(["dotnet", "/app/Tss.Host.dll"], config["Entrypoint"]!.AsArray().Select(e => (string)e!));
            Assert.Equal(registry.BaseImage, (string?)config["Labels"]!["org.opencontainers.image.base.name"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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
