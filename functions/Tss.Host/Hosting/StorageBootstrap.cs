using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tss.Pipeline;
using Tss.Tenancy;
using Tss.Tenancy.Secrets;

namespace Tss.Host.Hosting;

/// <summary>
/// Creates the tables and containers the host uses before anything else starts (queues are created by their
/// listeners and senders), then moves secrets still in clear in legacy entity rows to the secret store (idempotent and
/// safe with several instances starting together). Idempotent; a few requests per start.
/// </summary>
internal sealed class StorageBootstrap(TableServiceClient tables, BlobServiceClient blobs, TenancyStorage tenancy, EntitySecretMigration secrets,
    IOptions<PipelineOptions> pipeline) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = pipeline.Value;
        await tenancy.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { o.DocumentsTable, o.ErpIdsTable, o.IdempotencyTable })
        {
            await tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var container in new[] { o.ProcContainer, o.SignedContainer, o.DanfeContainer })
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        await secrets.MigrateAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
