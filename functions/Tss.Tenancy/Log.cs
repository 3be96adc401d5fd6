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
}
