using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Portal.Hosting;

namespace Tss.Portal;

/// <summary>Maps the portal into the host.</summary>
public static class PortalEndpointExtensions
{
    /// <summary>
    /// Maps the portal's pages under /portal, its stylesheet, and for /portal requests: security headers (CSP without
    /// inline code, no framing, no caching), HTML pages for bodiless 400/403/404 answers, and the per-client rate limit
    /// of the login and sign-up forms.
    /// </summary>
    public static WebApplication MapTssPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requireHttps = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.RequireHttps;
        app.UseWhen(c => c.Request.Path.StartsWithSegments(PortalPolicies.PathBase), branch => branch.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                if (!context.Request.Path.Equals(PortalStylesheet.Path))
                {
                    h.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            if (requireHttps && !context.Request.IsHttps)
            {
                // Secure cookies cannot be set over plain HTTP: say so instead of failing inside antiforgery.
                await PortalErrorPages.WriteAsync(context, StatusCodes.Status421MisdirectedRequest).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode is 400 or 403 or 404 or 405 or 413)
            {
                await PortalErrorPages.WriteAsync(context, context.Response.StatusCode).ConfigureAwait(false);
            }
        }).UseRateLimiter()); // login and sign-up posts per client (PortalRateLimiting)
        app.MapGet(PortalStylesheet.Path, PortalStylesheet.Serve).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
