using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tss.Protocol.AccessKeys;

/// <summary>
/// Writes an <see cref="AccessKey"/> as its 44 characters and reads it back, checking it: orchestration inputs, outputs
/// and histories (Durable Task serializes them with System.Text.Json) keep the shape they had when keys were strings,
/// so a history written before the type was used deserializes unchanged.
/// </summary>
public sealed class AccessKeyJsonConverter : JsonConverter<AccessKey>
{
    /// <inheritdoc />
    public override AccessKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An access key is a JSON string, not {reader.TokenType}.");
        }

        return FromText(reader.GetString());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AccessKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? throw new JsonException("A default AccessKey has no value to write."));
    }

    /// <inheritdoc />
    public override AccessKey ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FromText(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, AccessKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value ?? throw new JsonException("A default AccessKey has no value to write."));
    }

    private static AccessKey FromText(string? text) =>
        AccessKey.TryParse(text, out var key, out var error) ? key : throw new JsonException(error);
}
