using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Tss.Portal.Accounts;
using Tss.Runtime.Net;

namespace Tss.Portal.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the portal's account forms: login and sign-up posts per client (IP address, IPv6
/// /64), a fixed window per instance; past it, 429 with Retry-After and a pt-BR page. Everything else passes.
/// </summary>
public static class PortalRateLimiting
{
    public static IServiceCollection AddTssPortalRateLimiting(this IServiceCollection services, PortalOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var limiter = new FixedWindowRateLimiterOptions
        {
            PermitLimit = configured.LoginAttemptsPerClient,
            Window = configured.LoginClientWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsAccountForm(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Of(context.Connection.RemoteIpAddress), _ => limiter)
                : RateLimitPartition.GetNoLimiter("-"));
            o.OnRejected = (rejected, ct) => WriteRejectionAsync(rejected.HttpContext, rejected.Lease, ct);
        });
        return services;
    }

    private static bool IsAccountForm(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(PortalPolicies.PathBase + "/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(PortalPolicies.PathBase + "/signup", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteRejectionAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = SignUpTexts.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        await PortalErrorPages.WriteAsync(context, StatusCodes.Status429TooManyRequests, SignUpTexts.ClientThrottled(wait)).ConfigureAwait(false);
    }
}
