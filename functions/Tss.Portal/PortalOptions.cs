using System.ComponentModel.DataAnnotations;

namespace Tss.Portal;

/// <summary>Options of the portal (section "Portal").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Table of portal users (partition = normalised e-mail).</summary>
    [Required] public string UsersTable { get; set; } = "portalusers";

    /// <summary>Table of tenant profiles kept by the portal (CNPJ and contact given at sign-up).</summary>
    [Required] public string ProfilesTable { get; set; } = "portaltenants";

    /// <summary>
    /// Cookies only over HTTPS (default). Behind a TLS-terminating proxy (Azure Container Apps ingress) the host sees
    /// the original scheme through X-Forwarded-Proto (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>). Turn off only
    /// for plain HTTP on loopback (<c>./tss up</c>): the cookies then follow the request's scheme.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Blob container of the data-protection key ring shared by every instance (session and antiforgery cookies).</summary>
    [Required] public string KeyRingContainer { get; set; } = "portal-keys";

    /// <summary>Login attempts per e-mail (per browser once it is a known device) before each further one must wait.</summary>
    [Range(1, 100)] public int FreeLoginFailures { get; set; } = 5;

    /// <summary>The longest wait between login attempts for one e-mail (the wait doubles from 1 s up to this); never a lockout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan MaxLoginDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Login and sign-up form posts a client (IP address, IPv6 /64) may make per <see cref="LoginClientWindow"/>, per instance.</summary>
    [Range(1, 1_000_000)] public int LoginAttemptsPerClient { get; set; } = 20;

    /// <summary>The window of <see cref="LoginAttemptsPerClient"/> (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LoginClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Idle lifetime of a session cookie (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Days before a certificate's expiry from which the portal warns.</summary>
    [Range(1, 365)] public int CertificateWarningDays { get; set; } = 30;

    /// <summary>
    /// An operator account created at start when it does not exist yet (never overwritten; <c>./tss admin operator
    /// create</c> is the other way). Both or neither.
    /// </summary>
    public string? OperatorEmail { get; set; }

    public string? OperatorPassword { get; set; }
}
