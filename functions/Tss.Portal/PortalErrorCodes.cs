namespace Tss.Portal;

/// <summary>Stable codes of the portal's refusals (shown beside the pt-BR message, logged without personal data).</summary>
public static class PortalErrorCodes
{
    public const string EmailInvalid = "account.invalid_email";
    public const string EmailTaken = "account.email_taken";
    public const string PasswordWeak = "account.weak_password";
    public const string PasswordMismatch = "account.password_mismatch";
    public const string InvalidCredentials = "account.invalid_credentials";
    public const string Throttled = "account.throttled";
    public const string CreditsUnavailable = "credits.unavailable";
}
