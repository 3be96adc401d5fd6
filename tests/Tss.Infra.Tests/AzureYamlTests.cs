using Tss.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tss.Infra.Tests;

/// <summary>azure.yaml maps the one service to the container app infra/ creates.</summary>
public sealed class AzureYamlTests(DeploymentFixture deployment)
{
    [Fact]
    public void Azure_yaml_maps_the_host_project_to_a_container_app()
    {
        var root = Load();

        var services = (YamlMappingNode)root["services"];
        var host = (YamlMappingNode)Assert.Single(services.Children).Value;
        Assert.Equal("host", Assert.Single(services.Children).Key.ToString());
        Assert.Equal("containerapp", host["host"].ToString());
        Assert.Equal("dotnet", host["language"].ToString());
        Assert.Equal("./functions/Tss.Host", host["project"].ToString());
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
    public void Service_name_matches_the_tag_azd_finds_the_container_app_by()
    {
        var services = (YamlMappingNode)Load()["services"];

        var app = deployment.Bare.Single("Microsoft.App/containerApps");
        Assert.Equal(Assert.Single(services.Children).Key.ToString(), (string?)app["tags"]!["azd-service-name"]);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(InfraFiles.AzureYaml);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }
}
