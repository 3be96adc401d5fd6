using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Tss.Portal.Accounts;

namespace Tss.Portal.Pages.Account;

/// <summary>
/// Login with e-mail and password. The same answers for an unknown e-mail and a wrong password, and the same
/// throttling for both (429 with Retry-After past <see cref="PortalOptions.FreeLoginFailures"/> attempts); no lockout.
/// </summary>
public sealed class LoginModel(PortalUserStore users, LoginThrottle throttle, LoginDevice device, ILogger<LoginModel> logger) : PageModel
{
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        Email = email?.Length > 254 ? null : email;
        ReturnUrl = returnUrl;
        var typed = EmailAddresses.Normalize(email) ?? (email ?? "").Trim().ToLowerInvariant();
        var key = device.ThrottleKey(Request, typed.Length > 254 ? typed[..254] : typed);
        if (throttle.TryBegin(key) is { } wait)
        {
            Log.LoginThrottled(logger, SignUpTexts.Seconds(wait), key.Contains('#', StringComparison.Ordinal) ? "known device" : "e-mail");
            Error = SignUpTexts.Throttled(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignUpTexts.Seconds(wait).ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        var outcome = await users.VerifyAsync(email ?? "", password ?? "", ct);
        if (outcome.Succeeded)
        {
            throttle.Succeeded(key);
            device.Issue(Response, outcome.User!.Email);
            await PortalSignIn.SignInAsync(HttpContext, outcome.User!);
            return LocalRedirect(PortalSignIn.Landing(outcome.User!, returnUrl));
        }
        Error = SignUpTexts.InvalidCredentials;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
