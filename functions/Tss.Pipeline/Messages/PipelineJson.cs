using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tss.Pipeline.Messages;

/// <summary>Source-generated JSON for the queue messages (small, ids only).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AssembleMessage))]
[JsonSerializable(typeof(LotMessage))]
[JsonSerializable(typeof(TimerMessage))]
[JsonSerializable(typeof(DistributeMessage))]
public sealed partial class PipelineJson : JsonSerializerContext;
