using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Accounts;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Account;

/// <summary>Login with e-mail and password; the same message for an unknown e-mail and a wrong password.</summary>
public sealed class LoginModel(PortalUserStore users) : PageModel
{
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        Email = email?.Length > 254 ? null : email;
        ReturnUrl = returnUrl;
        var outcome = await users.VerifyAsync(email ?? "", password ?? "", ct);
        if (outcome.Succeeded)
        {
            await PortalSignIn.SignInAsync(HttpContext, outcome.User!);
            return LocalRedirect(PortalSignIn.Landing(outcome.User!, returnUrl));
        }
        Error = outcome.LockedUntil is { } until
            ? $"Conta bloqueada por excesso de tentativas até {Format.Date(until)} (horário de Brasília). Tente mais tarde."
            : "E-mail ou senha incorretos.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
