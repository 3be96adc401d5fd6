using System.Text.Json.Nodes;
using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>
/// The Functions app (infra/modules/functions-app.bicep) on Flex Consumption: identity-based host storage with the
/// user-assigned identity and no key anywhere, the deployment package in a blob container of the same account, the
/// Durable task hub of host.json, Application Insights through its connection string, OTLP only when asked.
/// </summary>
public sealed class FunctionsAppTests(DeploymentFixture deployment)
{
    /// <summary>The blob container of the deployment package.</summary>
    public const string DeploymentContainer = "app-package";

    private JsonObject Site => deployment.Bare.Single("Microsoft.Web/sites");

    private JsonNode Config => Site["properties"]!["functionAppConfig"]!;

    private string IdentityId => IdentityTests.IdentityIdOf(deployment.Bare, IdentityTests.FunctionsIdentityPrefix);

    private Dictionary<string, string> Settings => Site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
        .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString(), StringComparer.Ordinal);

    [Fact]
    public void Functions_app_runs_on_a_Flex_Consumption_plan_as_a_dotnet_isolated_linux_app()
    {
        var plan = deployment.Bare.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)Site["kind"]);
        Assert.Equal("dotnet-isolated", (string?)Config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)Config["runtime"]!["version"]);
        Assert.True((int)Config["scaleAndConcurrency"]!["maximumInstanceCount"]! >= 1);
        Assert.True((bool)Site["properties"]!["httpsOnly"]!);
        // Flex Consumption takes the runtime from functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Settings.Keys);
    }

    [Fact]
    public void Functions_host_storage_is_identity_based_with_the_user_assigned_identity_and_no_key()
    {
        var settings = Settings;

        Assert.Contains(".outputs.blobEndpoint", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".outputs.queueEndpoint", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains(".outputs.tableEndpoint", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains(IdentityId, settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || s.Key.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Equal([IdentityId], Site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Equal("UserAssigned", (string?)Site["identity"]!["type"]);
        // The product's own clients: same account, same identity, and certificates from Key Vault.
        Assert.Equal("ManagedIdentity", settings["Storage__Mode"]);
        Assert.Contains(IdentityId, settings["Storage__ManagedIdentityClientId"], StringComparison.Ordinal);
        Assert.Equal("KeyVault", settings["Certificates__Store"]);
        Assert.Contains(IdentityId, settings["Certificates__ManagedIdentityClientId"], StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_package_lives_in_a_private_container_of_the_same_account_reached_with_the_identity()
    {
        var storage = Config["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Contains("'" + DeploymentContainer + "'", storage["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(".outputs.blobEndpoint", storage["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal(IdentityId, (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
        var container = Assert.Single(deployment.Bare.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => ((string)c["name"]!).EndsWith("/" + DeploymentContainer, StringComparison.Ordinal));
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
    }

    [Fact]
    public void Task_hub_is_the_one_of_host_json_and_not_the_container_apps()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Tss.DevTools.Local.RepositoryRoot.Path, "functions", "Tss.Functions", "host.json")))!;
        var hub = (string)hostJson["extensions"]!["durableTask"]!["hubName"]!;
        var containerEnv = deployment.Bare.Single("Microsoft.App/containerApps")["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => e!["value"]?.ToString() ?? "", StringComparer.Ordinal);

        Assert.Equal(hub, Settings["Durable__TaskHub"]);
        Assert.NotEqual(hub, containerEnv["Durable__TaskHub"]);
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_and_to_OTLP_only_when_an_endpoint_is_given()
    {
        var settings = Settings;

        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("tss-functions", settings["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", settings.Keys);
    }
}
