using Microsoft.AspNetCore.Http;

namespace Tss.Portal.Hosting;

/// <summary>The portal's one stylesheet, embedded in the assembly (no static-file setup, nothing loaded from outside).</summary>
public static class PortalStylesheet
{
    public const string Path = PortalPolicies.PathBase + "/portal.css";

    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(PortalStylesheet).Assembly.GetManifestResourceStream("Tss.Portal.portal.css")
            ?? throw new InvalidOperationException("The portal stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Content.Value, "text/css; charset=utf-8");
    }
}
