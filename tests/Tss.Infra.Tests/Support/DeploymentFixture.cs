using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tss.Infra.Tests.Support;

/// <summary>
/// Builds <c>infra/main.bicep</c> once and snapshots it twice: as <c>azd up</c> runs it for a signed-in user
/// (<see cref="WithOperator"/>, principalId given) and with no user (<see cref="Bare"/>).
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    /// <summary>Object id given as principalId in <see cref="WithOperator"/>.</summary>
    public const string OperatorId = "7d1c6a52-3a5e-4bb8-9e51-3f0d2b8c4a10";

    private const string TenantId = "c2a1d8e0-9f4b-4a57-8d7e-1b2c3d4e5f60";

    private readonly string work = Directory.CreateTempSubdirectory("tss-infra-").FullName;

    /// <summary>The deployment without a deploying user (principalId empty).</summary>
    public Deployment Bare { get; private set; } = null!;

    /// <summary>The deployment with a deploying user.</summary>
    public Deployment WithOperator { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var templatePath = Path.Combine(work, "main.json");
        var build = await BicepCli.RunAsync("build", InfraFiles.Main, "--outfile", templatePath);
        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.Output}");
        var template = Parse(await File.ReadAllTextAsync(templatePath));

        var snapshots = await Task.WhenAll(SnapshotAsync("bare", principalId: ""), SnapshotAsync("operator", OperatorId));
        Bare = new Deployment(template, snapshots[0]);
        WithOperator = new Deployment(template, snapshots[1]);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<JsonObject>> SnapshotAsync(string name, string principalId)
    {
        // A .bicepparam names its template by a relative path.
        var parameters = Path.Combine(work, name + ".bicepparam");
        var main = Path.GetRelativePath(work, InfraFiles.Main).Replace('\\', '/');
        await File.WriteAllTextAsync(parameters, string.Create(CultureInfo.InvariantCulture, $"""
            using '{main}'

            param environmentName = '{Deployment.EnvironmentName}'
            param location = '{Deployment.Location}'
            param principalId = '{principalId}'

            """));
        var run = await BicepCli.RunAsync("snapshot", parameters, "--mode", "overwrite", "--subscription-id", Deployment.SubscriptionId,
            "--tenant-id", TenantId, "--location", Deployment.Location, "--config", InfraFiles.BicepConfig);
        Assert.True(run.ExitCode == 0, $"bicep snapshot failed:\n{run.Output}");
        var snapshot = Parse(await File.ReadAllTextAsync(Path.Combine(work, name + ".snapshot.json")));
        Assert.Empty(snapshot["diagnostics"]!.AsArray());
        return [.. snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject())];
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
}
