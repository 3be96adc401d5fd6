using System.Text.Json.Nodes;
using Tss.Infra.Tests.Support;
using Tss.Runtime.Storage;

namespace Tss.Infra.Tests;

/// <summary>The host container app: ingress and probes, configuration by environment, scale rules.</summary>
public sealed class HostAppTests(DeploymentFixture deployment)
{
    private const string ContainerAppType = "Microsoft.App/containerApps";

    private JsonObject App => deployment.Bare.Single(ContainerAppType);

    private JsonNode Container => Assert.Single(App["properties"]!["template"]!["containers"]!.AsArray())!;

    private string IdentityId => IdentityTests.IdentityIdOf(deployment.Bare, IdentityTests.HostIdentityPrefix);

    [Fact]
    public void Host_scales_to_zero()
    {
        var scale = App["properties"]!["template"]!["scale"]!;

        Assert.Equal(0, (int)scale["minReplicas"]!);
        Assert.True((int)scale["maxReplicas"]! >= 1);
    }

    [Fact]
    public void Host_runs_the_portal_role_beside_the_functions_app_and_so_watches_no_queue()
    {
        // The Functions app consumes the stage queues; a portal-only host starts no listener, so no queue may wake it.
        Assert.Equal("Portal", Environment()["Host__Role"]);
        Assert.Empty(QueueRules());
        // Lots run on Durable Task: the retired send and timer queues are named nowhere.
        Assert.DoesNotContain("tss-send", App.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tss-timers", App.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Http_requests_wake_the_host()
    {
        var rules = App["properties"]!["template"]!["scale"]!["rules"]!.AsArray();

        Assert.Contains(rules, r => r!["http"] is not null);
    }

    [Fact]
    public void Host_listens_on_8080_behind_https_ingress_with_live_and_ready_probes()
    {
        var ingress = App["properties"]!["configuration"]!["ingress"]!;
        var probes = Container["probes"]!.AsArray().ToDictionary(p => (string)p!["type"]!, p => p!["httpGet"]!);

        Assert.True((bool)ingress["external"]!);
        Assert.False((bool)ingress["allowInsecure"]!);
        Assert.Equal(8080, (int)ingress["targetPort"]!);
        Assert.Equal("/health/live", (string?)probes["Liveness"]["path"]);
        Assert.Equal("/health/ready", (string?)probes["Readiness"]["path"]);
        Assert.Equal("/health/live", (string?)probes["Startup"]["path"]);
        Assert.All(probes.Values, p => Assert.Equal(8080, (int)p["port"]!));
    }

    [Fact]
    public void Host_reaches_storage_with_its_identity_through_service_uris()
    {
        var env = Environment();

        Assert.Equal(nameof(StorageMode.ManagedIdentity), env[Setting(nameof(StorageOptions.Mode))]);
        Assert.Contains("storage", env[Setting(nameof(StorageOptions.BlobServiceUri))], StringComparison.Ordinal);
        Assert.Contains(".outputs.blobEndpoint", env[Setting(nameof(StorageOptions.BlobServiceUri))], StringComparison.Ordinal);
        Assert.Contains(".outputs.queueEndpoint", env[Setting(nameof(StorageOptions.QueueServiceUri))], StringComparison.Ordinal);
        Assert.Contains(".outputs.tableEndpoint", env[Setting(nameof(StorageOptions.TableServiceUri))], StringComparison.Ordinal);
        Assert.Contains(".outputs.name", env[Setting(nameof(StorageOptions.AccountName))], StringComparison.Ordinal);
        Assert.Contains(IdentityId, env[Setting(nameof(StorageOptions.ManagedIdentityClientId))], StringComparison.Ordinal);
        Assert.Contains(IdentityId, env["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.DoesNotContain(Setting(nameof(StorageOptions.ConnectionString)), env.Keys);
    }

    [Fact]
    public void Host_takes_the_original_scheme_from_the_ingress_so_the_portal_cookies_stay_secure()
    {
        // TLS ends at the Container Apps ingress; without X-Forwarded-Proto the portal would see plain HTTP.
        Assert.Equal("true", Environment()["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.DoesNotContain("Portal__RequireHttps", Environment().Keys);
    }

    [Fact]
    public void Host_reads_certificates_from_key_vault_and_sends_telemetry()
    {
        var env = Environment();
        var variables = Container["env"]!.AsArray();

        Assert.Equal("KeyVault", env["Certificates__Store"]);
        Assert.Contains(".outputs.uri", env["Certificates__KeyVaultUri"], StringComparison.Ordinal);
        var telemetry = Assert.Single(variables, v => (string?)v!["name"] == "APPLICATIONINSIGHTS_CONNECTION_STRING")!;
        Assert.Null(telemetry["value"]);
        Assert.Equal("appinsights-connection-string", (string?)telemetry["secretRef"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", env.Keys); // only when otlpEndpoint is given
    }

    [Fact]
    public void Image_is_pulled_with_the_identity_and_no_password()
    {
        var registry = Assert.Single(App["properties"]!["configuration"]!["registries"]!.AsArray())!;

        Assert.Equal(IdentityId, (string?)registry["identity"]);
        Assert.Null(registry["passwordSecretRef"]);
        Assert.Equal("UserAssigned", (string?)App["identity"]!["type"]);
    }

    [Fact]
    public void Only_the_host_is_deployed_never_the_simulator()
    {
        var apps = deployment.WithOperator.OfType(ContainerAppType).ToList();

        var app = Assert.Single(apps);
        Assert.Equal("host", (string?)app["tags"]!["azd-service-name"]);
        Assert.DoesNotContain("simulator", deployment.Bare.Template.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(deployment.WithOperator.Resources, r => Assert.DoesNotContain("simulator", r.ToJsonString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Template_outputs_what_azd_reads()
    {
        var outputs = deployment.Bare.Template["outputs"]!.AsObject();

        Assert.Superset(
            new HashSet<string>(["AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_CONTAINER_REGISTRY_ENDPOINT",
                "AZURE_CONTAINER_APPS_ENVIRONMENT_NAME", "AZURE_KEY_VAULT_ENDPOINT", "SERVICE_HOST_NAME", "SERVICE_HOST_URI"]),
            outputs.Select(o => o.Key).ToHashSet());
        Assert.All(outputs, o => Assert.DoesNotContain("connectionstring", o.Key, StringComparison.OrdinalIgnoreCase));
    }

    private List<JsonNode> QueueRules() =>
        [.. App["properties"]!["template"]!["scale"]!["rules"]!.AsArray()
            .Select(r => r!["custom"])
            .Where(c => c is not null && (string?)c["type"] == "azure-queue")
            .Select(c => c!)];

    private Dictionary<string, string> Environment() =>
        Container["env"]!.AsArray()
            .Where(v => v!["value"] is not null)
            .ToDictionary(v => (string)v!["name"]!, v => (string)v!["value"]!);

    private static string Setting(string property) => $"{StorageOptions.SectionName}__{property}";
}
