using System.Text.Json.Nodes;

namespace Tss.Infra.Tests.Support;

/// <summary>Walks a compiled ARM template: its resources and those of the nested deployments Bicep modules become.</summary>
public static class Arm
{
    /// <summary>Type of the nested deployment a Bicep module compiles to.</summary>
    public const string DeploymentType = "Microsoft.Resources/deployments";

    /// <summary>The template's own resources (an array, or an object keyed by symbolic name).</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(r => r.Value!.AsObject()),
            _ => [],
        };

    /// <summary>Every resource, nested deployments' included, with the deployment it sits in (null at the top).</summary>
    public static IEnumerable<(JsonObject Resource, JsonObject? Module)> Walk(JsonObject template, JsonObject? module = null)
    {
        foreach (var resource in Resources(template))
        {
            yield return (resource, module);
            if ((string?)resource["type"] == DeploymentType && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, resource))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every resource, nested deployments' included, without the <c>existing</c> references.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonObject template) =>
        Walk(template).Select(w => w.Resource).Where(r => (bool?)r["existing"] != true);
}
