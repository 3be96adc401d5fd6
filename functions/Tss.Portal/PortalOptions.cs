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

    /// <summary>Failed logins in a row that lock an account.</summary>
    [Range(1, 100)] public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

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
