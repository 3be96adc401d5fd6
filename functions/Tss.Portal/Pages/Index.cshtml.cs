using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Accounts;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages;

/// <summary>/portal: the user's start page, or the login.</summary>
public sealed class IndexModel : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(PortalPolicies.Scheme);
        if (!result.Succeeded)
        {
            return Redirect(PortalPolicies.PathBase + "/login");
        }
        return Redirect(result.Principal.IsInRole(PortalRoles.Operator) ? PortalPolicies.PathBase + "/operator" : PortalPolicies.PathBase + "/home");
    }
}
