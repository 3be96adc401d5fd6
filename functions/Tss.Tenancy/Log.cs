using Microsoft.Extensions.Logging;

namespace Tss.Tenancy;

/// <summary>Log messages of the tenant store, with stable event ids (3xxx). Never a key, password or certificate body.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Tenant {TenantId} created")]
    public static partial void TenantCreated(ILogger logger, string tenantId);

    [LoggerMessage(3002, LogLevel.Information, "Entity {Cnpj} of tenant {TenantId} saved (UF {Uf}, tpAmb {tpAmb})")]
    public static partial void EntitySaved(ILogger logger, string tenantId, string cnpj, string uf, int tpAmb);

    [LoggerMessage(3003, LogLevel.Information, "API key {KeyId} created for tenant {TenantId}")]
    public static partial void ApiKeyCreated(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(3004, LogLevel.Information, "API key {KeyId} of tenant {TenantId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(3010, LogLevel.Information, "Certificate {Thumbprint} imported for entity {Cnpj} of tenant {TenantId} (valid until {NotAfter:O})")]
    public static partial void CertificateImported(ILogger logger, string tenantId, string cnpj, string thumbprint, DateTimeOffset notAfter);

    [LoggerMessage(3011, LogLevel.Information, "Certificate {Thumbprint} fetched from Key Vault ({Name}/{Version}), cached until {ExpiresAt:O}")]
    public static partial void CertificateFetchedFromKeyVault(ILogger logger, string name, string version, string thumbprint, DateTimeOffset expiresAt);

    [LoggerMessage(3020, LogLevel.Information, "Entity {Cnpj} of tenant {TenantId}: {Count} clear-text secret(s) moved to the secret store")]
    public static partial void SecretsMigrated(ILogger logger, string tenantId, string cnpj, int count);

    [LoggerMessage(3021, LogLevel.Debug, "Entity {Cnpj} of tenant {TenantId}: secret migration lost the race (HTTP {Status}); reading the row again")]
    public static partial void SecretMigrationLostRace(ILogger logger, string tenantId, string cnpj, int status);

    [LoggerMessage(3022, LogLevel.Warning, "Entity {Cnpj} of tenant {TenantId}: its clear-text secrets could not be moved to the secret store now; used as they are, moved on a later read")]
    public static partial void SecretMigrationFailed(ILogger logger, Exception exception, string tenantId, string cnpj);

    [LoggerMessage(3023, LogLevel.Information, "Secret migration scan done: {Moved} entity row(s) moved by this instance")]
    public static partial void SecretsMigrationScanned(ILogger logger, int moved);

    [LoggerMessage(3024, LogLevel.Warning, "A secret version written by a lost migration could not be discarded (harmless orphan)")]
    public static partial void SecretDiscardFailed(ILogger logger, Exception exception);
}
