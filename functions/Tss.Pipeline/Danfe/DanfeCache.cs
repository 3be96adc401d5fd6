using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Danfe;

namespace Tss.Pipeline.Danfe;

/// <summary>
/// DANFE PDFs rendered on demand from a procNFe and kept as blobs (container <see cref="PipelineOptions.DanfeContainer"/>),
/// keyed by scope (tenant), access key, layout version and variant (cancelled or not, NFC-e roll width), so a layout
/// change or a later cancellation renders anew. A cache failure never fails the request: the PDF is still returned.
/// </summary>
public sealed partial class DanfeCache(BlobServiceClient blobs, IOptions<PipelineOptions> options, ILogger<DanfeCache> log)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(options.Value.DanfeContainer);

    /// <summary>Blob name of a DANFE: <c>{scope}/{chNFe}-L{layout}-{a|c|e}[-58].pdf</c> (e: printed on the EPEC before the authorization).</summary>
    public static string BlobName(string scope, string chNFe, DanfeRenderOptions render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var variant = (render.Cancelled ? "c" : render.Epec is not null ? "e" : "a") + (render.NfcePaper == NfcePaper.Mm58 ? "-58" : string.Empty);
        return $"{scope.Replace('|', '/')}/{chNFe}-L{DanfeRenderer.LayoutVersion}-{variant}.pdf";
    }

    /// <summary>The cached PDF, or the procNFe rendered now (and cached).</summary>
    /// <param name="scope">Whose copy it is (the tenant id, or a sub-scope such as <c>mde/{tenant}</c>).</param>
    /// <param name="loadProcNFe">Reads the procNFe; called only on a cache miss.</param>
    /// <exception cref="DanfeException">The procNFe cannot be printed (not authorized, malformed, …).</exception>
    public async Task<byte[]> GetOrRenderAsync(
        string scope, string chNFe, Func<CancellationToken, Task<BinaryData>> loadProcNFe, DanfeRenderOptions render, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loadProcNFe);
        var blob = _container.GetBlobClient(BlobName(scope, chNFe, render));
        try
        {
            return (await blob.DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not rendered yet (or the container is new): render below.
        }

        var procNFe = await loadProcNFe(ct).ConfigureAwait(false);
        var pdf = DanfeRenderer.Render(procNFe.ToMemory().Span, render);
        try
        {
            await UploadAsync(blob, pdf, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            // A host that did not run the pipeline's storage bootstrap: create the cache container once.
            await _container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await UploadAsync(blob, pdf, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            Log.DanfeCacheWriteFailed(log, chNFe, e.Status, e.ErrorCode);
        }

        Log.DanfeRendered(log, chNFe, pdf.Length);
        return pdf;
    }

    private static Task UploadAsync(BlobClient blob, byte[] pdf, CancellationToken ct) =>
        blob.UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } }, ct);
}
