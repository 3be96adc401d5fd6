using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tss.Runtime.Queues.Internal;

/// <summary>
/// The wire format of every message: <c>{"body":{…}}</c>.
/// Messages carry ids, never document bodies, so the text is capped well below the 64 KiB queue limit.
/// </summary>
internal static class QueueEnvelope
{
    /// <summary>Largest message text accepted (UTF-8 bytes).</summary>
    public const int MaxBytes = 32 * 1024;

    public static string Write<TMessage>(TMessage message, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("body");
            JsonSerializer.Serialize(writer, message, options);
            writer.WriteEndObject();
        }
        if (buffer.WrittenCount > MaxBytes)
        {
            throw new ArgumentException(
                $"A {typeof(TMessage).Name} message takes {buffer.WrittenCount} bytes (limit {MaxBytes}): queue messages carry ids, never document bodies.",
                nameof(message));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an envelope; false when the text is not one (it then goes to the poison queue).</summary>
    public static bool TryRead<TMessage>(string text, JsonSerializerOptions options, out TMessage? message)
    {
        message = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("body", out var body))
            {
                return false;
            }
            message = body.Deserialize<TMessage>(options);
            return message is not null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }
}
