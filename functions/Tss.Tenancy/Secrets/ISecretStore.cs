namespace Tss.Tenancy.Secrets;

/// <summary>
/// Where an entity's secrets live (the webhook HMAC secret, the NFC-e CSC): the same place as its certificate — an
/// AES-GCM envelope on blob storage locally (<c>blob:</c> references), Azure Key Vault secrets in Azure (<c>kv:</c>
/// references). The entities table keeps only the reference, which names one immutable version.
/// </summary>
public interface ISecretStore
{
    /// <summary>Stores <paramref name="value"/> as a new version and returns its reference.</summary>
    Task<string> PutAsync(SecretName name, string value, CancellationToken ct);

    /// <summary>The value a reference names (cached: a reference never changes meaning).</summary>
    /// <exception cref="TenancyException">Unknown, missing or undecryptable reference.</exception>
    Task<string> GetAsync(string reference, CancellationToken ct);

    /// <summary>
    /// Drops a version nobody references (the loser of a concurrent migration); best effort. Key Vault cannot delete a
    /// single version, so there it is disabled.
    /// </summary>
    Task DiscardAsync(string reference, CancellationToken ct);
}
