using System.Security.Claims;

namespace Tss.Host.Auth;

/// <summary>Claims an API key grants: the tenant it belongs to and its id.</summary>
public static class TenantClaims
{
    public const string TenantId = "tss:tenant";
    public const string KeyId = "tss:key";

    /// <summary>The authenticated tenant (endpoints require authentication, so it is always there).</summary>
    public static string GetTenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The request is not authenticated with an API key.");
}
