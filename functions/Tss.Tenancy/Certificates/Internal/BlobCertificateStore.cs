using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tss.Tenancy.Certificates.Internal;

/// <summary>
/// The local certificate store: each certificate re-exported as PKCS#12 (the customer's password is not kept), sealed
/// in a <see cref="CertificateEnvelope"/> and written to a blob named after tenant, CNPJ and thumbprint. References
/// look like <c>blob:{tenant}/{cnpj}/{thumbprint}</c>; they never change for a given certificate, so loaded
/// certificates are cached for the life of the process.
/// </summary>
internal sealed class BlobCertificateStore : ICertificateStore, ICertificateStoreProbe, IDisposable
{
    public const string Scheme = "blob:";

    private readonly BlobContainerClient _container;
    private readonly CertificateStoreOptions _options;
    private readonly CertificateUploadValidator _validator;
    private readonly ILogger<BlobCertificateStore> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> _loaded = new(StringComparer.Ordinal);

    public BlobCertificateStore(BlobServiceClient blobs, IOptions<CertificateStoreOptions> options, CertificateUploadValidator validator, ILogger<BlobCertificateStore> logger)
    {
        _options = options.Value;
        _container = blobs.GetBlobContainerClient(_options.Container);
        _validator = validator;
        _logger = logger;
    }

    public async Task<ImportedCertificate> ImportAsync(string tenantId, string cnpj, byte[] pfx, string password, CancellationToken ct)
    {
        using var cert = await _validator.OpenAsync(pfx, password, cnpj, ct).ConfigureAwait(false);
        var info = CertificateValidation.Describe(cert);
        var reference = $"{Scheme}{tenantId}/{cnpj}/{info.Thumbprint}";
        var payload = cert.Export(X509ContentType.Pkcs12);
        byte[] envelope;
        var master = MasterKey();
        try
        {
            envelope = CertificateEnvelope.Seal(payload, master, _options.MasterKeyId, reference);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            CryptographicOperations.ZeroMemory(master);
        }
        await _container.GetBlobClient(BlobName(reference)).UploadAsync(BinaryData.FromBytes(envelope), overwrite: true, ct).ConfigureAwait(false);
        Log.CertificateImported(_logger, tenantId, cnpj, info.Thumbprint, info.NotAfter);
        return new ImportedCertificate(reference, info);
    }

    public Task<X509Certificate2> LoadAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var lazy = _loaded.GetOrAdd(reference, r => new Lazy<Task<X509Certificate2>>(() => ReadAsync(r)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // Do not cache failures: the blob may appear (import racing a send) or storage may recover.
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<X509Certificate2>>>(reference, lazy));
        }
        return task.WaitAsync(ct);
    }

    private async Task<X509Certificate2> ReadAsync(string reference)
    {
        if (!reference.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotFound, $"Referência de certificado desconhecida para este repositório: {reference}.");
        }
        BinaryData envelope;
        try
        {
            envelope = (await _container.GetBlobClient(BlobName(reference)).DownloadContentAsync().ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.NotFound, $"Certificado {reference} não encontrado.", e);
        }
        var keyId = CertificateEnvelope.ReadMasterKeyId(envelope.ToMemory().Span);
        if (keyId != _options.MasterKeyId)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Undecryptable,
                $"O certificado {reference} foi cifrado com a chave mestra '{keyId}', não com a configurada '{_options.MasterKeyId}'.");
        }
        var master = MasterKey();
        byte[] payload;
        try
        {
            payload = CertificateEnvelope.Open(envelope.ToMemory().Span, master, reference);
        }
        catch (CryptographicException e)
        {
            throw new TenancyException(TenancyErrorCodes.Certificates.Undecryptable, $"O certificado {reference} não pôde ser decifrado com a chave mestra configurada.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12(payload, null, X509KeyStorageFlags.EphemeralKeySet);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public async Task ProbeAsync(CancellationToken ct)
    {
        if (!await _container.ExistsAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The certificate container '{_container.Name}' does not exist.");
        }
    }

    private byte[] MasterKey() => Convert.FromBase64String(_options.MasterKey!);

    internal static string BlobName(string reference) => reference[Scheme.Length..] + ".p12.enc";

    public void Dispose()
    {
        foreach (var lazy in _loaded.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
        _loaded.Clear();
    }
}
