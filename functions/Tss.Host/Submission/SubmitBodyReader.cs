using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Tss.Contracts.Refusals;
using Tss.Host.Problems;
using Tss.Pipeline;
using Tss.Pipeline.Events;
using Tss.Pipeline.Ingest;
using Tss.Protocol;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Host.Submission;

/// <summary>
/// Reads a submission body: <c>application/xml</c> (one NFe, or an enviNFe wrapper with several) or
/// <c>application/json</c>. The size cap is checked before anything is parsed; XML goes through <see cref="SafeXml"/>.
/// </summary>
public static class SubmitBodyReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    /// <exception cref="RequestRefusedException">400/413/415 with a code; nothing was stored.</exception>
    public static async Task<SubmitBody> ReadAsync(HttpRequest request, PipelineOptions options, CancellationToken ct)
    {
        var mediaType = MediaType(request.ContentType);
        var raw = await ReadCappedAsync(request, options.MaxRequestBytes, ct).ConfigureAwait(false);
        var sync = request.Query.TryGetValue("sync", out var s) && bool.TryParse(s, out var q) && q;
        var (items, bodySync) = mediaType switch
        {
            "application/xml" or "text/xml" => FromXml(raw, options.MaxRequestBytes),
            "application/json" => FromJson(raw),
            _ => throw new RequestRefusedException(415, ApiErrorCodes.UnsupportedMediaType,
                $"Tipo de conteúdo '{request.ContentType}' não suportado; use application/xml ou application/json."),
        };
        return Check(items, sync || bodySync, raw, mediaType, options);
    }

    /// <summary>Count and ERP-id checks shared with the SOAP endpoint.</summary>
    public static SubmitBody Check(IReadOnlyList<IngestItem> items, bool sync, byte[] raw, string mediaType, PipelineOptions options)
    {
        if (items.Count == 0)
        {
            throw new RequestRefusedException(400, PipelineErrorCodes.Ingest.NoDocuments, "A requisição não contém nenhuma NF-e.");
        }
        if (items.Count > options.MaxDocumentsPerRequest)
        {
            throw new RequestRefusedException(413, PipelineErrorCodes.Ingest.TooManyDocuments,
                $"A requisição tem {items.Count} documentos; o limite é {options.MaxDocumentsPerRequest} por requisição.");
        }
        if (items.FirstOrDefault(i => i.ErpId is not null && !IsValidErpId(i.ErpId)) is { } bad)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.InvalidErpId, "erpId deve ter de 1 a 100 caracteres, sem caracteres de controle.");
        }
        return new SubmitBody(items, sync, raw, mediaType);
    }

    public static bool IsValidErpId(string erpId) => erpId.Length is > 0 and <= 100 && !erpId.Any(char.IsControl);

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    /// <summary>The body, refused with 413 request.too_large past <paramref name="max"/> bytes (checked before reading when declared).</summary>
    public static async Task<byte[]> ReadCappedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            throw TooLarge(max);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (long)max + 1; // our cap decides, with our code
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    throw TooLarge(max);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(max); // the server's own limit tripped first (chunked body)
        }
        return buffer.ToArray();
    }

    private static RequestRefusedException TooLarge(int max) =>
        new(413, ApiErrorCodes.BodyTooLarge, $"O corpo da requisição excede o limite de {max} bytes.");

    /// <summary>One NFe, or enviNFe (indSinc=1 asks for sync mode) with its NFe children, parsed once (depth capped,
    /// comments and processing instructions refused).</summary>
    public static (IReadOnlyList<IngestItem> Items, bool Sync) FromXml(byte[] raw, int maxBytes)
    {
        XmlDocument doc;
        try
        {
            // Parsed once: ingest signs these very elements (no serialize-and-parse-again per document).
            doc = SafeXml.Load(raw, maxBytes, XmlCommentPolicy.Refuse);
        }
        catch (XmlInputException e)
        {
            throw new RequestRefusedException(e.Code == ProtocolErrorCodes.Xml.TooLarge ? 413 : 400, e.Code, e.Message);
        }
        var root = doc.DocumentElement!;
        if (root.NamespaceURI == NfeNamespaces.Nfe && root.LocalName == "NFe")
        {
            return ([IngestItem.Parsed(root)], false);
        }
        if (root.NamespaceURI == NfeNamespaces.Nfe && root.LocalName == "enviNFe")
        {
            var children = root.ChildNodes.OfType<XmlElement>().ToList();
            var sync = children.FirstOrDefault(e => e.LocalName == "indSinc")?.InnerText == "1";
            return ([.. children.Where(e => e.LocalName == "NFe" && e.NamespaceURI == NfeNamespaces.Nfe).Select(e => IngestItem.Parsed(e))], sync);
        }
        throw new RequestRefusedException(400, ProtocolErrorCodes.Xml.UnexpectedRoot,
            $"O elemento raiz deve ser NFe ou enviNFe ({NfeNamespaces.Nfe}), não {root.LocalName}.");
    }

    private static (IReadOnlyList<IngestItem> Items, bool Sync) FromJson(byte[] raw)
    {
        SubmitJsonRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<SubmitJsonRequest>(raw, Json);
        }
        catch (JsonException e)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.MalformedJson, $"JSON inválido: {e.Message}");
        }
        if (body is null)
        {
            throw new RequestRefusedException(400, ApiErrorCodes.MalformedJson, "JSON inválido: o corpo deve ser um objeto com \"documents\".");
        }
        return ([.. (body.Documents ?? []).Select(d => new IngestItem(d?.Xml ?? "", d?.ErpId))], body.Sync);
    }
}
