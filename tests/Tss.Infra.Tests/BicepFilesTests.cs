using System.Text.Json;
using System.Text.Json.Nodes;
using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>Every Bicep file compiles and lints clean with the pinned CLI; a warning is a failure.</summary>
public sealed class BicepFilesTests
{
    // Rules that compare API or module versions with today's date or a registry: on, they would fail a build that
    // passed yesterday, or need the internet.
    private static readonly string[] DateDependentRules = ["use-recent-api-versions", "use-recent-module-versions"];

    public static TheoryData<string> Files => [.. InfraFiles.BicepFiles.Select(f => Path.GetRelativePath(InfraFiles.Folder, f))];

    [Fact]
    public void Infra_holds_the_entry_point_and_its_modules() =>
        Assert.Superset(
            new HashSet<string>(["main.bicep", "modules/storage.bicep", "modules/keyvault.bicep", "modules/registry.bicep", "modules/host-app.bicep"]),
            InfraFiles.BicepFiles.Select(f => Path.GetRelativePath(InfraFiles.Folder, f).Replace('\\', '/')).ToHashSet());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Bicep_file_builds_without_a_diagnostic(string file)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("tss-bicep-").FullName, "out.json");
        try
        {
            var build = await BicepCli.RunAsync("build", Path.Combine(InfraFiles.Folder, file), "--outfile", output);

            Assert.True(build.ExitCode == 0 && build.Output.Trim().Length == 0, $"bicep build {file} (exit {build.ExitCode}):\n{build.Output}");
            Assert.NotNull(JsonNode.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))?["resources"]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Fact]
    public void Every_linter_rule_is_an_error_except_the_date_dependent_ones()
    {
        var config = JsonNode.Parse(File.ReadAllText(InfraFiles.BicepConfig), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject().ToDictionary(r => r.Key, r => (string?)r.Value!["level"]);

        Assert.True((bool?)core["enabled"]);
        Assert.Contains("no-unused-params", rules.Keys);
        Assert.Contains("outputs-should-not-contain-secrets", rules.Keys);
        Assert.All(rules.Where(r => !DateDependentRules.Contains(r.Key)), r => Assert.Equal("error", r.Value));
        Assert.All(DateDependentRules, r => Assert.Equal("off", rules[r]));
    }

    [Fact]
    public async Task A_linter_finding_fails_the_lint()
    {
        var dir = Directory.CreateTempSubdirectory("tss-bicep-lint-").FullName;
        try
        {
            File.Copy(InfraFiles.BicepConfig, Path.Combine(dir, "bicepconfig.json"));
            var file = Path.Combine(dir, "unused.bicep");
            await File.WriteAllTextAsync(file, "param notUsed string\n", TestContext.Current.CancellationToken);

            var lint = await BicepCli.RunAsync("lint", file);

            Assert.NotEqual(0, lint.ExitCode);
            Assert.Contains("Error no-unused-params", lint.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Bicep_cli_is_the_pinned_version()
    {
        var version = await BicepCli.RunAsync("--version");

        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("Bicep CLI version 0.49.2 ", version.Output, StringComparison.Ordinal);
    }
}
