using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Account;

/// <summary>
/// Ends the session (POST with the antiforgery token; a GET only shows the button). Authenticated with the portal's
/// cookie so the token, issued to the signed-in user, validates against that same user.
/// </summary>
[Authorize(AuthenticationSchemes = PortalPolicies.Scheme)]
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalPolicies.Scheme);
        return LocalRedirect(PortalPolicies.PathBase + "/login");
    }
}
