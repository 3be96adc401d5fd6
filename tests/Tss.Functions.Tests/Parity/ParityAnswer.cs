using System.Text.Json;
using System.Xml.Linq;

namespace Tss.Functions.Tests.Parity;

/// <summary>
/// What is compared of an answer: status, media type, the ProblemDetails code (or SOAP fault code), the body's shape
/// (sorted top-level JSON property names, or the XML root element), and whether it was an idempotent replay. Values
/// that differ by nature between two requests (ids, times, trace ids) are left out.
/// </summary>
public sealed record ParityAnswer(int Status, string? MediaType, string? Code, string Shape, bool Replayed)
{
    public static ParityAnswer From(int status, string? contentType, byte[] body, bool replayed)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        string? code = null;
        var shape = body.Length == 0 ? "empty" : "bytes";
        if (media is not null && media.Contains("json", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                shape = "{" + string.Join(",", json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)) + "}";
                code = json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            }
            else
            {
                shape = json.RootElement.ValueKind.ToString();
            }
        }
        else if (media is not null && media.Contains("xml", StringComparison.Ordinal))
        {
            var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root!;
            // A SOAP envelope is known by what its body holds (the response element or Fault).
            var inner = root.Name.LocalName == "Envelope" ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Elements().FirstOrDefault() : null;
            shape = "<" + root.Name.LocalName + (inner is null ? "" : "/" + inner.Name.LocalName) + ">";
            code = root.Descendants().FirstOrDefault(e => e.Name.LocalName is "Code" or "faultcode")?.Value;
        }
        return new ParityAnswer(status, media, code, shape, replayed);
    }
}
