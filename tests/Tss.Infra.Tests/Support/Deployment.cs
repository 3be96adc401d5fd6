using System.Text.Json.Nodes;

namespace Tss.Infra.Tests.Support;

/// <summary>
/// What <c>infra/main.bicep</c> deploys, as the Bicep CLI sees it without Azure: the compiled ARM template and the
/// resources a deployment would create (<c>bicep snapshot</c> evaluates the template for given parameters, a fixed
/// subscription and tenant).
/// </summary>
public sealed class Deployment
{
    /// <summary>Environment name the snapshots are taken with.</summary>
    public const string EnvironmentName = "ci";

    /// <summary>Region the snapshots are taken with.</summary>
    public const string Location = "brazilsouth";

    /// <summary>Subscription the snapshots are taken in.</summary>
    public const string SubscriptionId = "0f3c0e4e-5d0c-4d6e-9a55-6a7f0c0d1e2f";

    internal Deployment(JsonObject template, IReadOnlyList<JsonObject> resources)
    {
        Template = template;
        Resources = resources;
    }

    /// <summary>The compiled ARM template (<c>bicep build</c>).</summary>
    public JsonObject Template { get; }

    /// <summary>The resources the deployment creates, expressions evaluated where the CLI can.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>Resources of <paramref name="type"/>.</summary>
    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one resource of <paramref name="type"/>.</summary>
    public JsonObject Single(string type) => Assert.Single(OfType(type));
}
