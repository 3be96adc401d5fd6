using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Certificates.Internal;

namespace Tss.Tenancy.Secrets.Internal;

/// <summary>
/// The local secret store, beside the certificates: each version is a <see cref="CertificateEnvelope"/> (AES-256-GCM,
/// data key wrapped with <c>Certificates:MasterKey</c>, the reference bound as associated data) in the certificates
/// container under <c>_secrets/</c> (no tenant id starts with '_'). References look like
/// <c>blob:_secrets/{tenant}/{cnpj}/{kind}/{version}</c>; a version is written once and never overwritten.
/// </summary>
internal sealed class BlobSecretStore : ISecretStore
{
    public const string Prefix = "blob:_secrets/";

    private readonly BlobContainerClient _container;
    private readonly CertificateStoreOptions _options;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public BlobSecretStore(BlobServiceClient blobs, IOptions<CertificateStoreOptions> options)
    {
        _options = options.Value;
        _container = blobs.GetBlobContainerClient(_options.Container);
    }

    public async Task<string> PutAsync(SecretName name, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var reference = $"{Prefix}{name.TenantId}/{name.Cnpj}/{name.KindName}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var payload = Encoding.UTF8.GetBytes(value);
        var master = MasterKey();
        byte[] envelope;
        try
        {
            envelope = CertificateEnvelope.Seal(payload, master, _options.MasterKeyId, reference);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            CryptographicOperations.ZeroMemory(master);
        }
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await _container.GetBlobClient(BlobName(reference)).UploadAsync(BinaryData.FromBytes(envelope), options, ct).ConfigureAwait(false);
        _cache[reference] = value;
        return reference;
    }

    public async Task<string> GetAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (_cache.TryGetValue(reference, out var cached))
        {
            return cached;
        }
        if (!IsOurs(reference))
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Referência de segredo desconhecida para este repositório: {reference}.");
        }
        BinaryData envelope;
        try
        {
            envelope = (await _container.GetBlobClient(BlobName(reference)).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Segredo {reference} não encontrado.", e);
        }
        var keyId = CertificateEnvelope.ReadMasterKeyId(envelope.ToMemory().Span);
        if (keyId != _options.MasterKeyId)
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.Undecryptable,
                $"O segredo {reference} foi cifrado com a chave mestra '{keyId}', não com a configurada '{_options.MasterKeyId}'.");
        }
        var master = MasterKey();
        try
        {
            var payload = CertificateEnvelope.Open(envelope.ToMemory().Span, master, reference);
            var value = Encoding.UTF8.GetString(payload);
            CryptographicOperations.ZeroMemory(payload);
            _cache[reference] = value;
            return value;
        }
        catch (CryptographicException e)
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.Undecryptable, $"O segredo {reference} não pôde ser decifrado com a chave mestra configurada.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    public async Task DiscardAsync(string reference, CancellationToken ct)
    {
        if (!IsOurs(reference))
        {
            return;
        }
        _cache.TryRemove(reference, out _);
        await _container.GetBlobClient(BlobName(reference)).DeleteIfExistsAsync(cancellationToken: ct).ConfigureAwait(false);
    }

    internal static bool IsOurs(string reference) =>
        reference.StartsWith(Prefix, StringComparison.Ordinal) && !reference.Contains("..", StringComparison.Ordinal);

    internal static string BlobName(string reference) => reference["blob:".Length..] + ".secret.enc";

    private byte[] MasterKey() => Convert.FromBase64String(_options.MasterKey!);
}
