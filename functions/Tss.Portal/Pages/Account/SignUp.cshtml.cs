using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tss.Portal.Accounts;
using Tss.Portal.Tenants;

namespace Tss.Portal.Pages.Account;

/// <summary>Sign-up: a new tenant and its administrator, then signed in.</summary>
public sealed class SignUpModel(PortalTenants tenants) : PageModel
{
    public string? CompanyName { get; private set; }
    public string? Cnpj { get; private set; }
    public string? Email { get; private set; }
    public SignUpErrors Errors { get; private set; } = [];

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? companyName, string? cnpj, string? email, string? password, string? confirmPassword, CancellationToken ct)
    {
        CompanyName = Clip(companyName, 200);
        Cnpj = Clip(cnpj, 18);
        Email = Clip(email, 254);
        var (user, errors) = await tenants.SignUpAsync(new SignUpRequest(companyName ?? "", cnpj ?? "", email ?? "", password ?? "", confirmPassword ?? ""), ct);
        if (user is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await PortalSignIn.SignInAsync(HttpContext, user);
        TempData["Flash"] = "Conta criada. Agora cadastre a primeira empresa emissora com o certificado A1.";
        return LocalRedirect("/portal/entities/new");
    }

    private static string? Clip(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}
