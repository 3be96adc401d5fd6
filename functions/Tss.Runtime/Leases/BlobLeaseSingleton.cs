using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;

namespace Tss.Runtime.Leases;

/// <summary>
/// Singleton per key across all instances (e.g. one DistDFe poller per CNPJ and model): whoever holds the lease on
/// the blob named after the key runs the work. Blob and container are created on first use.
/// </summary>
public sealed class BlobLeaseSingleton
{
    private readonly BlobContainerClient container;
    private readonly BlobLeaseOptions options;
    private readonly ILogger logger;
    private volatile bool containerExists;

    public BlobLeaseSingleton(StorageClients storage, IOptions<BlobLeaseOptions> options, ILogger<BlobLeaseSingleton> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        container = storage.GetContainer(this.options.ContainerName);
        this.logger = logger;
    }

    /// <summary>
    /// Takes the lease for <paramref name="key"/>, or returns null at once when another holder has it. Dispose the
    /// handle to release it; until then it is renewed in the background.
    /// </summary>
    public async Task<BlobLeaseHandle?> TryAcquireAsync(string key, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var blob = container.GetBlobClient(BlobName(key));
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        try
        {
            await lease.AcquireAsync(options.LeaseDuration, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await CreateBlobAsync(blob, ct).ConfigureAwait(false);
            if (!await TryAcquireExistingAsync(lease, ct).ConfigureAwait(false))
            {
                return null;
            }
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        Log.LeaseAcquired(logger, key);
        return new BlobLeaseHandle(key, lease, options.EffectiveRenewInterval, logger);
    }

    private async Task<bool> TryAcquireExistingAsync(BlobLeaseClient lease, CancellationToken ct)
    {
        try
        {
            await lease.AcquireAsync(options.LeaseDuration, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task CreateBlobAsync(BlobClient blob, CancellationToken ct)
    {
        if (!containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            containerExists = true;
        }
        try
        {
            var onlyIfAbsent = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(BinaryData.Empty, onlyIfAbsent, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A contender created it first (and may hold the lease already).
        }
    }

    /// <summary>Keys become blob names as they are where safe; other characters are hex-escaped so distinct keys never collide.</summary>
    internal static string BlobName(string key)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                name.Append(c);
            }
            else
            {
                name.Append('~').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return name.ToString();
    }
}
