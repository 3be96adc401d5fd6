using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;

namespace Tss.Tenancy.Secrets.KeyVault;

/// <summary>
/// Entity secrets as Azure Key Vault secrets, one object per entity and kind (<c>tss-{tenant}-{cnpj}-{kind}</c>, a new
/// version per change), read with the host's identity (Key Vault Secrets User). References name the version
/// (<c>kv:{name}/{version}</c>); values are cached for <see cref="CertificateStoreOptions.KeyVaultCacheTtl"/>, so a
/// busy host reads the vault a few times an hour per entity, not per document or delivery.
/// </summary>
internal sealed class KeyVaultSecretStore : ISecretStore
{
    private const string ContentType = "text/plain";

    private readonly SecretClient _secrets;
    private readonly CertificateStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _cache = new(StringComparer.Ordinal);

    public KeyVaultSecretStore(KeyVaultClients clients, IOptions<CertificateStoreOptions> options, TimeProvider time)
    {
        _secrets = clients.Secrets;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The Key Vault name of an entity's secret; never the certificate's name (that one ends in the CNPJ digits).</summary>
    internal static string NameOf(SecretName name) => KeyVaultCertificateNames.For(name.TenantId, $"{name.Cnpj}-{name.KindName}");

    public async Task<string> PutAsync(SecretName name, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var secret = new KeyVaultSecret(NameOf(name), value);
        secret.Properties.ContentType = ContentType;
        secret.Properties.Tags["tenant"] = name.TenantId;
        secret.Properties.Tags["cnpj"] = name.Cnpj;
        secret.Properties.Tags["kind"] = name.KindName;
        var stored = (await _secrets.SetSecretAsync(secret, ct).ConfigureAwait(false)).Value;
        var reference = KeyVaultCertificateNames.Reference(stored.Name, stored.Properties.Version);
        _cache[reference] = (value, _time.GetUtcNow() + _options.KeyVaultCacheTtl);
        return reference;
    }

    public async Task<string> GetAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (_cache.TryGetValue(reference, out var cached) && cached.ExpiresAt > _time.GetUtcNow())
        {
            return cached.Value;
        }
        if (!KeyVaultCertificateNames.TryParse(reference, out var name, out var version))
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Referência de segredo desconhecida para o Key Vault: {reference}.");
        }
        KeyVaultSecret secret;
        try
        {
            secret = (await _secrets.GetSecretAsync(name, version, ct).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Segredo {reference} não encontrado no Key Vault.", e);
        }
        if (string.IsNullOrEmpty(secret.Value))
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.Undecryptable, $"O segredo {reference} no Key Vault está vazio.");
        }
        _cache[reference] = (secret.Value, _time.GetUtcNow() + _options.KeyVaultCacheTtl);
        return secret.Value;
    }

    public async Task DiscardAsync(string reference, CancellationToken ct)
    {
        if (!KeyVaultCertificateNames.TryParse(reference, out var name, out var version))
        {
            return;
        }
        _cache.TryRemove(reference, out _);
        // A version cannot be deleted alone: disabling it keeps it from being read again.
        await _secrets.UpdateSecretPropertiesAsync(new SecretProperties(new Uri(_secrets.VaultUri, $"secrets/{name}/{version}")) { Enabled = false }, ct).ConfigureAwait(false);
    }
}
