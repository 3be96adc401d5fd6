using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Accounts;

namespace Tss.Portal.Hosting;

/// <summary>Base of the tenant pages: the signed-in tenant, and "not found" for anything outside it.</summary>
public abstract class PortalPageModel : PageModel
{
    /// <summary>The signed-in user's tenant (pages under /Tenant require it).</summary>
    public string TenantId => User.GetPortalTenantId();

    /// <summary>A message carried over a redirect (shown once).</summary>
    [TempData] public string? Flash { get; set; }

    /// <summary>404 with the portal's page (another tenant's id answers exactly like an unknown one).</summary>
    protected IActionResult NotFoundPage() => NotFound();
}
