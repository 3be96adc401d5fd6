using Microsoft.Extensions.Options;

namespace Tss.Tenancy.Certificates.Internal;

/// <summary>Refuses to start without a usable master key (blob store) or vault URI (Key Vault), saying exactly what is expected.</summary>
internal sealed class CertificateStoreOptionsValidator : IValidateOptions<CertificateStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateStoreOptions options)
    {
        if (options.Store == CertificateStoreKind.KeyVault)
        {
            return ValidateKeyVault(options);
        }
        if (options.Store != CertificateStoreKind.Blob)
        {
            return ValidateOptionsResult.Fail($"Certificates:Store '{options.Store}' is unknown; use Blob or KeyVault.");
        }
        if (string.IsNullOrWhiteSpace(options.MasterKey))
        {
            return ValidateOptionsResult.Fail(
                "Certificates:MasterKey is missing: set it to base64 of 32 random bytes (openssl rand -base64 32), e.g. env var Certificates__MasterKey.");
        }
        Span<byte> key = stackalloc byte[64];
        if (!Convert.TryFromBase64String(options.MasterKey, key, out var length) || length != 32)
        {
            return ValidateOptionsResult.Fail("Certificates:MasterKey must be base64 of exactly 32 bytes (AES-256); generate one with: openssl rand -base64 32.");
        }
        key.Clear();
        if (string.IsNullOrWhiteSpace(options.MasterKeyId) || options.MasterKeyId.Length > 64)
        {
            return ValidateOptionsResult.Fail("Certificates:MasterKeyId must be a short non-empty name.");
        }
        if (string.IsNullOrWhiteSpace(options.Container))
        {
            return ValidateOptionsResult.Fail("Certificates:Container must name a blob container.");
        }
        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateKeyVault(CertificateStoreOptions options)
    {
        if (options.KeyVaultUri is null)
        {
            return ValidateOptionsResult.Fail(
                "Certificates:KeyVaultUri is missing (Certificates:Store is KeyVault): set it to the vault URI, e.g. https://kv-tss.vault.azure.net/ (env var Certificates__KeyVaultUri).");
        }
        if (!options.KeyVaultUri.IsAbsoluteUri || options.KeyVaultUri.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail("Certificates:KeyVaultUri must be an absolute https URI.");
        }
        if (options.KeyVaultCacheTtl <= TimeSpan.Zero || options.KeyVaultCacheTtl > TimeSpan.FromHours(24))
        {
            return ValidateOptionsResult.Fail("Certificates:KeyVaultCacheTtl must be positive and at most 24 hours.");
        }
        if (options.KeyVaultMaxRetries is < 0 or > 10 || options.KeyVaultRetryDelay <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Certificates:KeyVaultMaxRetries must be 0–10 and Certificates:KeyVaultRetryDelay positive.");
        }
        return ValidateOptionsResult.Success;
    }
}
