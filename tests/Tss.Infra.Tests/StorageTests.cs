using Tss.Infra.Tests.Support;
using Tss.Pipeline;
using Tss.Runtime.Queues;

namespace Tss.Infra.Tests;

/// <summary>The storage account: Entra ID only, and every queue, table and container the code expects.</summary>
public sealed class StorageTests(DeploymentFixture deployment)
{
    private const string AccountType = "Microsoft.Storage/storageAccounts";

    [Fact]
    public void Storage_account_refuses_shared_keys_public_blobs_and_old_tls()
    {
        var properties = deployment.Bare.Single(AccountType)["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void Compiled_template_disables_shared_keys_as_a_literal_not_a_parameter()
    {
        var account = Assert.Single(Arm.AllResources(deployment.Bare.Template), r => (string?)r["type"] == AccountType);

        var allowSharedKeyAccess = account["properties"]!["allowSharedKeyAccess"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.False, allowSharedKeyAccess.GetValueKind());
    }

    [Fact]
    public void Storage_holds_every_queue_the_pipeline_listens_on_with_its_poison_queue()
    {
        var pipeline = new PipelineOptions();
        string[] queues = [pipeline.AssembleQueue, pipeline.DistributeQueue];

        var created = ChildNames("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal([.. queues.Concat(queues.Select(QueueNames.Poison)).Order(StringComparer.Ordinal)], created);
        Assert.All(queues, q => Assert.True(QueueNames.IsValid(q), q));
    }

    [Fact]
    public void Storage_holds_the_pipeline_tables_and_private_containers()
    {
        var pipeline = new PipelineOptions();

        string[] tables = [pipeline.DocumentsTable, pipeline.ErpIdsTable, pipeline.IdempotencyTable];
        // The pipeline's containers and the Functions app's deployment package container (functions-app.bicep).
        string[] containers = [pipeline.ProcContainer, pipeline.SignedContainer, FunctionsAppTests.DeploymentContainer];

        Assert.Equal([.. tables.Order(StringComparer.Ordinal)], ChildNames("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Equal([.. containers.Order(StringComparer.Ordinal)], ChildNames("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.All(deployment.Bare.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Deleted_blobs_and_containers_can_be_restored()
    {
        var blob = deployment.Bare.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;

        Assert.True((bool)blob["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blob["containerDeleteRetentionPolicy"]!["enabled"]!);
    }

    [Fact]
    public void Key_vault_uses_rbac_soft_delete_and_purge_protection()
    {
        var properties = deployment.Bare.Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
        Assert.Equal(90, (int)properties["softDeleteRetentionInDays"]!);
        Assert.Null(properties["accessPolicies"]);
    }

    [Fact]
    public void Registry_has_no_admin_user_and_no_anonymous_pull()
    {
        var properties = deployment.Bare.Single("Microsoft.ContainerRegistry/registries")["properties"]!;

        Assert.False((bool)properties["adminUserEnabled"]!);
        Assert.False((bool)properties["anonymousPullEnabled"]!);
    }

    private List<string> ChildNames(string type) =>
        [.. deployment.Bare.OfType(type).Select(r => ((string)r["name"]!).Split('/')[^1]).Order(StringComparer.Ordinal)];
}
