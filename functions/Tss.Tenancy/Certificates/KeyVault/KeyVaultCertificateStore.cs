using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Security.KeyVault.Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tss.Tenancy.Certificates.KeyVault;

/// <summary>
/// Entity certificates in Azure Key Vault. Import validates the PFX as the blob store does, re-exports it without the
/// customer's password (the password never leaves this process) and imports it as a new version of
/// <c>tss-{tenant}-{cnpj}</c>; signing reads the certificate's secret (the PFX with its key). Loaded certificates are
/// cached for <see cref="CertificateStoreOptions.KeyVaultCacheTtl"/>, never past their NotAfter, so a busy host asks
/// the vault a few times an hour, not per lot. Throttling (429) is retried by the clients with Retry-After honoured.
/// </summary>
internal sealed class KeyVaultCertificateStore : ICertificateStore, ICertificateStoreProbe, IDisposable
{
    private readonly KeyVaultClients _clients;
    private readonly CertificateStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly CertificateUploadValidator _validator;
    private readonly ILogger<KeyVaultCertificateStore> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<Cached>>> _cache = new(StringComparer.Ordinal);

    public KeyVaultCertificateStore(KeyVaultClients clients, IOptions<CertificateStoreOptions> options, CertificateUploadValidator validator, TimeProvider time,
        ILogger<KeyVaultCertificateStore> logger)
    {
        _clients = clients;
        _options = options.Value;
        _validator = validator;
        _time = time;
        _logger = logger;
    }

    public async Task<ImportedCertificate> ImportAsync(string tenantId, string cnpj, byte[] pfx, string password, CancellationToken ct)
    {
        using var cert = await _validator.OpenAsync(pfx, password, cnpj, ct).ConfigureAwait(false);
        var info = CertificateValidation.Describe(cert);
        var name = KeyVaultCertificateNames.For(tenantId, cnpj);
        var payload = cert.Export(X509ContentType.Pkcs12);
        try
        {
            var import = new ImportCertificateOptions(name, payload)
            {
                Enabled = true,
                // Exportable: signing needs the key in this process (SOAP mTLS and XMLDSig), read back through the secret.
                Policy = new CertificatePolicy { ContentType = CertificateContentType.Pkcs12, Exportable = true },
            };
            import.Tags["tenant"] = tenantId;
            import.Tags["cnpj"] = cnpj;
            import.Tags["thumbprint"] = info.Thumbprint;
            var imported = await _clients.Certificates.ImportCertificateAsync(import, ct).ConfigureAwait(false);
            var reference = ReferenceOf(imported.Value);
            Log.CertificateImported(_logger, tenantId, cnpj, info.Thumbprint, info.NotAfter);
            return new ImportedCertificate(reference, info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public async Task<X509Certificate2> LoadAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        while (true)
        {
            var lazy = _cache.GetOrAdd(reference, r => new Lazy<Task<Cached>>(() => FetchAsync(r)));
            var task = lazy.Value;
            if (task.IsCompletedSuccessfully && task.Result.ExpiresAt <= _time.GetUtcNow())
            {
                // Expired: drop it (not disposed: a send may still hold it; the GC frees it) and fetch again.
                _cache.TryRemove(new KeyValuePair<string, Lazy<Task<Cached>>>(reference, lazy));
                continue;
            }
            if (task.IsFaulted || task.IsCanceled)
            {
                // Failures are not cached: the vault may recover, or the import may land.
                _cache.TryRemove(new KeyValuePair<string, Lazy<Task<Cached>>>(reference, lazy));
            }
            return (await task.WaitAsync(ct).ConfigureAwait(false)).Certificate;
        }
    }

    /// <summary>One read of a secret that does not exist: 404 proves the vault answers and accepts the host's token.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        try
        {
            await _clients.Secrets.GetSecretAsync("tss-readiness-probe", cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Reachable and authorized.
        }
    }

    /// <summary>The <c>kv:</c> reference of an imported version.</summary>
    internal static string ReferenceOf(KeyVaultCertificate imported) =>
        KeyVaultCertificateNames.Reference(imported.Name, imported.Properties.Version);

    private async Task<Cached> FetchAsync(string reference)
    {
        if (!KeyVaultCertificateNames.TryParse(reference, out var name, out var version))
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotFound, $"Referência de certificado desconhecida para o Key Vault: {reference}.");
        }
        Azure.Security.KeyVault.Secrets.KeyVaultSecret secret;
        try
        {
            // Not the caller's token: the load is shared by every concurrent caller of this reference.
            secret = (await _clients.Secrets.GetSecretAsync(name, version, CancellationToken.None).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotFound, $"Certificado {reference} não encontrado no Key Vault.", e);
        }
        var certificate = KeyVaultCertificateSecret.ToCertificate(secret, reference);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var expiresAt = now + _options.KeyVaultCacheTtl;
        if (notAfter > now && notAfter < expiresAt)
        {
            expiresAt = notAfter;
        }
        // An already expired version cannot change (references name a version): it is kept for the TTL rather than
        // fetched on every send; SEFAZ refuses it anyway and the entity must upload a new one.
        Log.CertificateFetchedFromKeyVault(_logger, name, version, certificate.Thumbprint, expiresAt);
        return new Cached(certificate, expiresAt);
    }

    public void Dispose()
    {
        foreach (var lazy in _cache.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Certificate.Dispose();
            }
        }
        _cache.Clear();
    }

    private sealed record Cached(X509Certificate2 Certificate, DateTimeOffset ExpiresAt);
}
