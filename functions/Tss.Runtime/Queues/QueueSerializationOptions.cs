using System.Text.Json;

namespace Tss.Runtime.Queues;

/// <summary>
/// How queue message bodies are written and read. Stages add their source-generated contexts to
/// <see cref="SerializerOptions"/>' <c>TypeInfoResolverChain</c>; reflection serves the rest.
/// </summary>
public sealed class QueueSerializationOptions
{
    /// <summary>Serializer settings (web defaults: camelCase, case-insensitive reads).</summary>
    public JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);
}
