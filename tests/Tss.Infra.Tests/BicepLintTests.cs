using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>Every Bicep file lints clean against infra/bicepconfig.json (a class of its own so it runs beside the builds).</summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> Files => BicepFilesTests.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Bicep_file_lints_without_a_diagnostic(string file)
    {
        var lint = await BicepCli.RunAsync("lint", Path.Combine(InfraFiles.Folder, file));

        Assert.True(lint.ExitCode == 0 && lint.Output.Trim().Length == 0, $"bicep lint {file} (exit {lint.ExitCode}):\n{lint.Output}");
    }
}
