using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tss.Portal.Hosting;

namespace Tss.Portal.Accounts;

/// <summary>
/// The "known device" cookie (OWASP's device cookie): issued after a successful login, protected with the portal's
/// data-protection key ring, naming the e-mail and a random device id. A login attempt that carries a valid one for
/// the e-mail it tries is throttled under its own key, apart from the attempts of everybody else.
/// </summary>
public sealed class LoginDevice(IDataProtectionProvider protection, IOptions<PortalOptions> options, TimeProvider time)
{
    public const string CookieName = "tss.portal.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("tss-portal-login-device").ToTimeLimitedDataProtector();

    /// <summary>The throttle key for an attempt on <paramref name="email"/> (normalised) from this browser.</summary>
    public string ThrottleKey(HttpRequest request, string email)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is { Length: < 2048 })
        {
            try
            {
                var payload = _protector.Unprotect(cookie, out _);
                var separator = payload.IndexOf('\n', StringComparison.Ordinal);
                if (separator > 0 && payload[..separator] == email)
                {
                    return email + "#" + payload[(separator + 1)..];
                }
            }
            catch (CryptographicException)
            {
                // expired or forged: an unknown device
            }
        }
        return email;
    }

    /// <summary>Marks this browser as a known device of <paramref name="email"/>.</summary>
    public void Issue(HttpResponse response, string email)
    {
        ArgumentNullException.ThrowIfNull(response);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var value = _protector.Protect(email + "\n" + id, time.GetUtcNow() + Lifetime);
        response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Path = PortalPolicies.PathBase,
            HttpOnly = true,
            Secure = options.Value.RequireHttps || response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
