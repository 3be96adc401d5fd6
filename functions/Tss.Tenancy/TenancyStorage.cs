using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Credits;

namespace Tss.Tenancy;

/// <summary>Creates the tenant store's tables and certificate container (idempotent; for host start and the CLI).</summary>
public sealed class TenancyStorage(TableServiceClient tables, BlobServiceClient blobs, IOptions<TenancyOptions> options, IOptions<CertificateStoreOptions> certificates, IOptions<CreditOptions> credits)
{
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        var o = options.Value;
        foreach (var table in new[] { o.TenantsTable, o.EntitiesTable, o.ApiKeysTable, credits.Value.Table })
        {
            await tables.GetTableClient(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }
        await blobs.GetBlobContainerClient(certificates.Value.Container).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
    }
}
