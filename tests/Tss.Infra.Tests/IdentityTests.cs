using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tss.Infra.Tests.Support;

namespace Tss.Infra.Tests;

/// <summary>
/// Two user-assigned identities, the host's (portal container app) and the Functions app's, each with exactly the
/// data-plane roles it needs, each on one resource.
/// </summary>
public sealed partial class IdentityTests(DeploymentFixture deployment)
{
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    // (resource type the role is assigned on, role definition id)
    private static readonly HashSet<(string Scope, string Role)> HostRoles =
    [
        ("Microsoft.Storage/storageAccounts", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"), // Storage Blob Data Contributor
        ("Microsoft.Storage/storageAccounts", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"), // Storage Queue Data Contributor
        ("Microsoft.Storage/storageAccounts", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"), // Storage Table Data Contributor
        ("Microsoft.KeyVault/vaults", "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba"), // Key Vault Certificate User
        ("Microsoft.KeyVault/vaults", "a4417e6f-fecd-4de8-b567-7b0420556985"), // Key Vault Certificates Officer (portal imports PFX)
        ("Microsoft.KeyVault/vaults", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"), // Key Vault Secrets Officer (entity secrets: portal, migration)
        ("Microsoft.ContainerRegistry/registries", "7f951dda-4ed3-4680-a7ca-43fe172d538d"), // AcrPull
    ];

    // The Functions app: host storage (Blob Data Owner for leases and the deployment package), Durable's queues and
    // tables, the product's tables; certificates and their private keys read from the vault, never written.
    private static readonly HashSet<(string Scope, string Role)> FunctionsRoles =
    [
        ("Microsoft.Storage/storageAccounts", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"), // Storage Blob Data Owner
        ("Microsoft.Storage/storageAccounts", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"), // Storage Queue Data Contributor
        ("Microsoft.Storage/storageAccounts", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"), // Storage Table Data Contributor
        ("Microsoft.KeyVault/vaults", "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba"), // Key Vault Certificate User
        ("Microsoft.KeyVault/vaults", "4633458b-17de-408a-b874-0445c86b69e6"), // Key Vault Secrets User
    ];

    private const string CertificatesOfficer = "a4417e6f-fecd-4de8-b567-7b0420556985";

    /// <summary>Name prefix of the host's identity (main.bicep).</summary>
    public const string HostIdentityPrefix = "id-tss-";

    /// <summary>Name prefix of the Functions app's identity (main.bicep).</summary>
    public const string FunctionsIdentityPrefix = "id-func-";

    /// <summary>The resource id of the identity whose name starts with <paramref name="prefix"/>.</summary>
    public static string IdentityIdOf(Deployment deployment, string prefix) =>
        (string)Assert.Single(deployment.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"),
            i => ((string)i["name"]!).StartsWith(prefix, StringComparison.Ordinal))["id"]!;

    [Fact]
    public void Host_identity_has_exactly_its_data_plane_roles() => AssertRoles(HostIdentityPrefix, HostRoles);

    [Fact]
    public void Functions_identity_has_exactly_its_data_plane_roles() => AssertRoles(FunctionsIdentityPrefix, FunctionsRoles);

    [Fact]
    public void Every_role_assignment_of_the_bare_deployment_belongs_to_one_of_the_two_identities()
    {
        var identities = new[] { IdentityIdOf(deployment.Bare, HostIdentityPrefix), IdentityIdOf(deployment.Bare, FunctionsIdentityPrefix) };
        var assignments = deployment.Bare.OfType(RoleAssignmentType).ToList();

        Assert.Equal(HostRoles.Count + FunctionsRoles.Count, assignments.Count);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
        Assert.All(assignments, a => Assert.Single(identities, id => ((string)a["properties"]!["principalId"]!).Contains(id, StringComparison.Ordinal)));
    }

    private void AssertRoles(string identityPrefix, HashSet<(string Scope, string Role)> expected)
    {
        var identityId = IdentityIdOf(deployment.Bare, identityPrefix);
        var roles = deployment.Bare.OfType(RoleAssignmentType)
            .Where(a => ((string)a["properties"]!["principalId"]!).Contains(identityId, StringComparison.Ordinal))
            .Select(Describe).ToList();
        Assert.Equal(expected.Count, roles.Count);
        Assert.True(expected.SetEquals(roles), $"roles assigned: {string.Join(", ", roles)}");
    }

    [Fact]
    public void No_role_is_assigned_above_a_single_resource()
    {
        var all = deployment.WithOperator.OfType(RoleAssignmentType).ToList();

        Assert.NotEmpty(all);
        Assert.All(all, a => Assert.Matches(ResourceScopedAssignment(), (string)a["id"]!));
    }

    [Fact]
    public void Compiled_template_assigns_roles_only_inside_resource_group_modules()
    {
        var template = deployment.Bare.Template;

        Assert.EndsWith("subscriptionDeploymentTemplate.json#", (string)template["$schema"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Arm.Resources(template), r => (string?)r["type"] == RoleAssignmentType);
        var assignments = Arm.Walk(template).Where(w => (string?)w.Resource["type"] == RoleAssignmentType).ToList();
        Assert.NotEmpty(assignments);
        Assert.All(assignments, w =>
        {
            Assert.NotNull(w.Module?["resourceGroup"]);
            Assert.NotNull(w.Resource["scope"]);
        });
    }

    [Fact]
    public void Deploying_user_gets_only_certificates_officer_on_the_vault()
    {
        var extra = deployment.WithOperator.OfType(RoleAssignmentType)
            .Where(a => (string?)a["properties"]!["principalId"] == DeploymentFixture.OperatorId)
            .ToList();

        var assignment = Assert.Single(extra);
        Assert.Equal("User", (string?)assignment["properties"]!["principalType"]);
        Assert.Equal(("Microsoft.KeyVault/vaults", CertificatesOfficer), Describe(assignment));
        Assert.Equal(HostRoles.Count + FunctionsRoles.Count + 1, deployment.WithOperator.OfType(RoleAssignmentType).Count());
    }

    [Fact]
    public void Every_resource_is_tagged_with_the_azd_environment()
    {
        var tagged = deployment.Bare.Resources.Where(r => r["location"] is not null).ToList();

        Assert.Contains(tagged, r => (string?)r["type"] == "Microsoft.Resources/resourceGroups");
        Assert.All(tagged, r => Assert.Equal(Deployment.EnvironmentName, (string?)r["tags"]?["azd-env-name"]));
    }

    private static (string Scope, string Role) Describe(JsonObject assignment)
    {
        var match = ResourceScopedAssignment().Match((string)assignment["id"]!);
        Assert.True(match.Success, (string?)assignment["id"]);
        var role = ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];
        return ($"{match.Groups["provider"].Value}/{match.Groups["type"].Value}", role);
    }

    // /subscriptions/{s}/resourceGroups/{rg}/providers/{provider}/{type}/{name}/providers/Microsoft.Authorization/roleAssignments/{id}
    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(?<provider>[^/]+)/(?<type>[^/]+)/[^/]+/providers/Microsoft.Authorization/roleAssignments/[^/]+$")]
    private static partial Regex ResourceScopedAssignment();
}
