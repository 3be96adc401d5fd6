using System.Text.Json.Nodes;

namespace Tss.Functions.Tests;

/// <summary>One function of functions.metadata: its name, entry point and bindings.</summary>
public sealed record PublishedFunction(string Name, string EntryPoint, IReadOnlyList<JsonObject> Bindings)
{
    public static PublishedFunction From(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new PublishedFunction((string)node["name"]!, (string)node["entryPoint"]!, node["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList());
    }

    /// <summary>The trigger binding (the one whose type ends with "Trigger").</summary>
    public JsonObject Trigger => Bindings.Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));

    public string TriggerType => (string)Trigger["type"]!;

    public bool HasBinding(string type) => Bindings.Any(b => (string)b["type"]! == type);

    /// <summary>The HTTP methods of an httpTrigger, upper case.</summary>
    public IReadOnlyList<string> Methods => Trigger["methods"]?.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToList() ?? [];

    public string? Route => (string?)Trigger["route"];
}
