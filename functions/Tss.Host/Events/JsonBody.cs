using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Tss.Contracts.Refusals;
using Tss.Host.Problems;
using Tss.Host.Submission;
using Tss.Pipeline.Events;

namespace Tss.Host.Events;

/// <summary>Reads a small JSON body with the API's codes for a wrong media type (415), oversize (413) and malformed JSON (400).</summary>
public static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    public static async Task<(T Value, byte[] Raw)> ReadAsync<T>(HttpRequest request, JsonOptions json, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(json);
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRefusedException(415, ApiErrorCodes.UnsupportedMediaType, "Envie o corpo como application/json.");
        }
        var raw = await SubmitBodyReader.ReadCappedAsync(request, MaxBytes, ct).ConfigureAwait(false);
        try
        {
            return (JsonSerializer.Deserialize<T>(raw, json.SerializerOptions)
                ?? throw new RequestRefusedException(400, ApiErrorCodes.MalformedJson, "O corpo JSON não pode ser null."), raw);
        }
        catch (JsonException e)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.MalformedJson, $"JSON inválido: {e.Message}");
        }
    }
}
