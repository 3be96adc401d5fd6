namespace Tss.Portal.Hosting;

/// <summary>Authentication scheme and authorization policies of the portal (separate from the API-key scheme).</summary>
public static class PortalPolicies
{
    /// <summary>The portal's cookie scheme.</summary>
    public const string Scheme = "TssPortal";

    /// <summary>A signed-in user of a tenant.</summary>
    public const string Tenant = "TssPortal.Tenant";

    /// <summary>A signed-in operator.</summary>
    public const string Operator = "TssPortal.Operator";

    /// <summary>Path prefix of every portal page.</summary>
    public const string PathBase = "/portal";
}
