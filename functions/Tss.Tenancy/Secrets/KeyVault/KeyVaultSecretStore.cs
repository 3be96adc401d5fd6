using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.KeyVault;
using Tss.Tenancy.Secrets.Internal;

namespace Tss.Tenancy.Secrets.KeyVault;

/// <summary>
/// Entity secrets as Azure Key Vault secrets, one object per entity and kind (<c>tss-{tenant}-{cnpj}-{kind}</c>, a new
/// version per change), read with the host's identity (Key Vault Secrets User). References name the version
/// (<c>kv:{name}/{version}</c>); values are cached for <see cref="CertificateStoreOptions.KeyVaultCacheTtl"/>, so a
/// busy host reads the vault a few times an hour per entity, not per document or delivery.
/// </summary>
internal sealed class KeyVaultSecretStore(KeyVaultClients clients, IOptions<CertificateStoreOptions> options, TimeProvider time)
    : CachedSecretStore(time, options.Value.KeyVaultCacheTtl, "no Key Vault")
{
    private const string ContentType = "text/plain";

    private readonly SecretClient _secrets = clients.Secrets;

    /// <summary>The Key Vault name of an entity's secret; never the certificate's name (that one ends in the CNPJ digits).</summary>
    internal static string NameOf(SecretName name) => KeyVaultCertificateNames.For(name.TenantId, $"{name.Cnpj}-{name.KindName}");

    protected override async Task<string> WriteVersionAsync(SecretName name, string value, CancellationToken ct)
    {
        var secret = new KeyVaultSecret(NameOf(name), value);
        secret.Properties.ContentType = ContentType;
        secret.Properties.Tags["tenant"] = name.TenantId;
        secret.Properties.Tags["cnpj"] = name.Cnpj;
        secret.Properties.Tags["kind"] = name.KindName;
        var stored = (await _secrets.SetSecretAsync(secret, ct).ConfigureAwait(false)).Value;
        return KeyVaultCertificateNames.Reference(stored.Name, stored.Properties.Version);
    }

    protected override async Task<string> ReadVersionAsync(string reference, CancellationToken ct)
    {
        KeyVaultCertificateNames.TryParse(reference, out var name, out var version);
        var secret = (await _secrets.GetSecretAsync(name, version, ct).ConfigureAwait(false)).Value;
        return string.IsNullOrEmpty(secret.Value)
            ? throw new TenancyException(TenancyErrorCodes.Secrets.Undecryptable, $"O segredo {reference} no Key Vault está vazio.")
            : secret.Value;
    }

    /// <summary>A version cannot be deleted alone: disabling it keeps it from being read again.</summary>
    protected override Task DropVersionAsync(string reference, CancellationToken ct)
    {
        KeyVaultCertificateNames.TryParse(reference, out var name, out var version);
        return _secrets.UpdateSecretPropertiesAsync(new SecretProperties(new Uri(_secrets.VaultUri, $"secrets/{name}/{version}")) { Enabled = false }, ct);
    }

    protected override bool Owns(string reference) => KeyVaultCertificateNames.TryParse(reference, out _, out _);
}
