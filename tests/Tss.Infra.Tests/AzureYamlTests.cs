using Tss.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tss.Infra.Tests;

/// <summary>azure.yaml maps its two services to what infra/ creates: the Functions app and the host's container app.</summary>
public sealed class AzureYamlTests(DeploymentFixture deployment)
{
    [Fact]
    public void Azure_yaml_maps_the_host_project_to_a_container_app()
    {
        var root = Load();

        var services = (YamlMappingNode)root["services"];
        var host = (YamlMappingNode)services["host"];
        Assert.Equal("containerapp", host["host"].ToString());
        Assert.Equal("dotnet", host["language"].ToString());
        Assert.Equal("./functions/Tss.Host", host["project"].ToString());
    }

    [Fact]
    public void Azure_yaml_maps_the_functions_project_to_a_function_app()
    {
        var services = (YamlMappingNode)Load()["services"];

        Assert.Equal(["functions", "host"], services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        var functions = (YamlMappingNode)services["functions"];
        Assert.Equal("function", functions["host"].ToString());
        Assert.Equal("dotnet", functions["language"].ToString());
        Assert.Equal("./functions/Tss.Functions", functions["project"].ToString());
        Assert.True(File.Exists(Path.Combine(Tss.DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Functions", "Tss.Functions.csproj")));
    }

    [Fact]
    public void Azure_yaml_points_at_the_bicep_entry_point()
    {
        var root = Load();

        var infra = (YamlMappingNode)root["infra"];
        Assert.Equal("bicep", infra["provider"].ToString());
        Assert.Equal("infra", infra["path"].ToString());
        Assert.Equal("main", infra["module"].ToString());
        Assert.True(File.Exists(Path.Combine(Tss.DevTools.Local.RepositoryRoot.Path, infra["path"].ToString(), infra["module"] + ".bicep")));
        Assert.False(string.IsNullOrWhiteSpace(root["name"].ToString()));
    }

    [Fact]
    public void Service_names_match_the_tags_azd_finds_the_apps_by()
    {
        var services = (YamlMappingNode)Load()["services"];

        var app = deployment.Bare.Single("Microsoft.App/containerApps");
        var site = deployment.Bare.Single("Microsoft.Web/sites");
        Assert.Equal("host", (string?)app["tags"]!["azd-service-name"]);
        Assert.Equal("functions", (string?)site["tags"]!["azd-service-name"]);
        Assert.Equal(["functions", "host"], services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(InfraFiles.AzureYaml);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }
}
