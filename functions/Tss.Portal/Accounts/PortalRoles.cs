namespace Tss.Portal.Accounts;

/// <summary>Roles of portal users.</summary>
public static class PortalRoles
{
    /// <summary>Administers one tenant (the user who signed it up).</summary>
    public const string TenantAdmin = "tenant-admin";

    /// <summary>Runs the service: lists tenants and tops up credits; belongs to no tenant.</summary>
    public const string Operator = "operator";
}
