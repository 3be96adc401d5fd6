using Microsoft.Extensions.Options;

namespace Tss.Tenancy.Certificates.Internal;

/// <summary>Refuses to start without a usable master key, saying exactly what is expected.</summary>
internal sealed class CertificateStoreOptionsValidator : IValidateOptions<CertificateStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateStoreOptions options)
    {
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
}
