using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Tss.Danfe;
using Tss.Pipeline.Danfe;

namespace Tss.Portal.Danfe;

/// <summary>The "DANFE (PDF)" downloads of the document page and the MD-e inbox: cached PDF, or a pt-BR refusal (422).</summary>
public static class PortalDanfe
{
    public static async Task<IActionResult> DownloadAsync(
        HttpContext http, string scope, string chNFe, Func<CancellationToken, Task<BinaryData>> loadProcNFe, bool cancelled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cache = http.RequestServices.GetRequiredService<DanfeCache>();
        try
        {
            var pdf = await cache.GetOrRenderAsync(scope, chNFe, loadProcNFe, new DanfeRenderOptions { Cancelled = cancelled }, ct).ConfigureAwait(false);
            return new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"DANFE-{chNFe}.pdf" };
        }
        catch (DanfeException e)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status422UnprocessableEntity,
                ContentType = "text/plain; charset=utf-8",
                Content = $"Não foi possível gerar o DANFE desta nota ({e.Code}): o XML não traz uma NF-e autorizada legível.",
            };
        }
    }
}
