using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Tss.Portal.Hosting;

namespace Tss.Portal.Accounts;

/// <summary>Issues the portal's session cookie for a verified user.</summary>
public static class PortalSignIn
{
    public static Task SignInAsync(HttpContext context, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Email),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, user.Role),
        };
        if (!string.IsNullOrEmpty(user.TenantId))
        {
            claims.Add(new Claim(PortalClaims.TenantId, user.TenantId));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, PortalPolicies.Scheme));
        return context.SignInAsync(PortalPolicies.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Where to go after login: a local portal path, or the user's start page.</summary>
    public static string Landing(PortalUser user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (returnUrl is { Length: > 1 and < 500 } r && r.StartsWith(PortalPolicies.PathBase + "/", StringComparison.Ordinal)
            && !r.StartsWith("//", StringComparison.Ordinal) && !r.Contains('\\', StringComparison.Ordinal) && !r.Contains("/logout", StringComparison.OrdinalIgnoreCase))
        {
            return r;
        }
        return user.Role == PortalRoles.Operator ? PortalPolicies.PathBase + "/operator" : PortalPolicies.PathBase + "/home";
    }
}
