using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tss.Host.Problems;
using Tss.Runtime.Net;
using Tss.Tenancy.ApiKeys;

namespace Tss.Host.Auth;

/// <summary>
/// Authenticates a request by API key, from <c>Authorization: Bearer tss_…</c> or <c>X-Api-Key: tss_…</c>. The check
/// is served from the verifier's cache (no storage transaction per request). A refusal answers 401 with a
/// ProblemDetails carrying <c>auth.missing_key</c> or <c>auth.invalid_key</c>; a client past its budget of failed
/// attempts (<see cref="ApiKeyFailureThrottle"/>) gets 429 <c>auth.too_many_failures</c> with Retry-After, before any
/// storage read.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier,
    ApiKeyFailureThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var client = ClientPartition.Of(Context.Connection.RemoteIpAddress);
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            Context.Features.Set(ApiKeyRefusal.Throttled(retryAfter));
            Tss.Host.Log.AuthenticationFailed(Logger, "too many failed keys from the client");
            return AuthenticateResult.Fail("Too many failed API keys.");
        }
        var identity = await verifier.VerifyAsync(key, Context.RequestAborted).ConfigureAwait(false);
        if (identity is null)
        {
            throttle.Failed(client);
            Context.Features.Set(ApiKeyRefusal.Invalid);
            Tss.Host.Log.AuthenticationFailed(Logger, "unknown, revoked or malformed key");
            return AuthenticateResult.Fail("Invalid API key.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(TenantClaims.TenantId, identity.TenantId), new Claim(TenantClaims.KeyId, identity.KeyId)], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = ApiKeyRefusal.Of(Context);
        Response.StatusCode = refusal.Status;
        if (refusal.Status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }
        refusal.ApplyHeaders(Response);
        await Results.Problem(ApiProblem.Details(refusal.Status, refusal.Code, refusal.Detail)).ExecuteAsync(Context).ConfigureAwait(false);
    }

    /// <summary>The key in the request, or null.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
