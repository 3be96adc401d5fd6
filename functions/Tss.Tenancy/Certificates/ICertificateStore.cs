using System.Security.Cryptography.X509Certificates;

namespace Tss.Tenancy.Certificates;

/// <summary>
/// Where entity certificates (A1, with private key) live. Local default: an AES-GCM envelope on blob storage
/// (<c>blob:</c> references); an Azure Key Vault store answers for its own reference scheme.
/// </summary>
public interface ICertificateStore
{
    /// <summary>
    /// Validates a PFX for the entity <paramref name="cnpj"/> (see <see cref="CertificateValidation"/>) and stores it.
    /// The password opens the PFX and is never stored.
    /// </summary>
    /// <exception cref="TenancyException">The certificate is refused; the code is one of <see cref="TenancyErrorCodes.Certificates"/>.</exception>
    Task<ImportedCertificate> ImportAsync(string tenantId, string cnpj, byte[] pfx, string password, CancellationToken ct);

    /// <summary>The certificate with its private key (cached; do not dispose it).</summary>
    Task<X509Certificate2> LoadAsync(string reference, CancellationToken ct);
}
