using System.Security.Claims;

namespace Tss.Portal.Accounts;

/// <summary>Claims of a portal session.</summary>
public static class PortalClaims
{
    /// <summary>The tenant the signed-in user belongs to (absent for operators).</summary>
    public const string TenantId = "tss:portal-tenant";

    /// <summary>The signed-in user's tenant; pages under the tenant policy always have it.</summary>
    public static string GetPortalTenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The session carries no tenant.");

    public static string GetPortalEmail(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";
}
