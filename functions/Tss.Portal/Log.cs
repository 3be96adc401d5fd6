using Microsoft.Extensions.Logging;

namespace Tss.Portal;

/// <summary>Log messages of the portal, with stable event ids (6xxx). Never a password, key, certificate or e-mail address.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Portal user created (role {Role}, tenant {TenantId})")]
    public static partial void UserCreated(ILogger logger, string role, string tenantId);

    [LoggerMessage(6002, LogLevel.Information, "Portal login refused: {Reason}")]
    public static partial void LoginFailed(ILogger logger, string reason);

    [LoggerMessage(6003, LogLevel.Warning, "Portal login throttled for {RetryAfterSeconds} s ({Scope})")]
    public static partial void LoginThrottled(ILogger logger, int retryAfterSeconds, string scope);

    [LoggerMessage(6004, LogLevel.Information, "Tenant {TenantId} signed up through the portal")]
    public static partial void TenantSignedUp(ILogger logger, string tenantId);

    [LoggerMessage(6005, LogLevel.Information, "Certificate upload for entity {Cnpj} of tenant {TenantId} refused: {Code}")]
    public static partial void CertificateRefused(ILogger logger, string tenantId, string cnpj, string code);

    [LoggerMessage(6006, LogLevel.Information, "Operator topped up {Credits} credits for tenant {TenantId} (reference {Reference})")]
    public static partial void CreditsToppedUp(ILogger logger, string tenantId, long credits, string reference);

    [LoggerMessage(6007, LogLevel.Warning, "Sign-up left tenant {TenantId} without a user (the e-mail was taken meanwhile)")]
    public static partial void OrphanTenant(ILogger logger, string tenantId);

    [LoggerMessage(6008, LogLevel.Information, "Portal operator account created from configuration")]
    public static partial void OperatorSeeded(ILogger logger);
}
