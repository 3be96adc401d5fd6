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
/// <c>blob:_secrets/{tenant}/{cnpj}/{kind}/{version}</c>; a version is written once and never overwritten, so values
/// are cached for the life of the process.
/// </summary>
internal sealed class BlobSecretStore(BlobServiceClient blobs, IOptions<CertificateStoreOptions> options)
    : CachedSecretStore(TimeProvider.System, cacheTtl: null, "neste repositório")
{
    public const string Prefix = "blob:_secrets/";

    private readonly CertificateStoreOptions _options = options.Value;
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(options.Value.Container);

    protected override async Task<string> WriteVersionAsync(SecretName name, string value, CancellationToken ct)
    {
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
        var upload = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await _container.GetBlobClient(BlobName(reference)).UploadAsync(BinaryData.FromBytes(envelope), upload, ct).ConfigureAwait(false);
        return reference;
    }

    protected override async Task<string> ReadVersionAsync(string reference, CancellationToken ct)
    {
        var envelope = (await _container.GetBlobClient(BlobName(reference)).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content;
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

    protected override Task DropVersionAsync(string reference, CancellationToken ct) =>
        _container.GetBlobClient(BlobName(reference)).DeleteIfExistsAsync(cancellationToken: ct);

    protected override bool Owns(string reference) => IsOurs(reference);

    internal static bool IsOurs(string reference) =>
        reference.StartsWith(Prefix, StringComparison.Ordinal) && !reference.Contains("..", StringComparison.Ordinal);

    internal static string BlobName(string reference) => reference["blob:".Length..] + ".secret.enc";

    private byte[] MasterKey() => Convert.FromBase64String(_options.MasterKey!);
}
