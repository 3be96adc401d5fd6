using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Tenancy.Entities;

namespace Tss.Tenancy.Secrets;

/// <summary>
/// Moves the secrets an entity row still holds in clear (rows written before the secret store) into the
/// <see cref="ISecretStore"/> and replaces them in the row by their references, with an update conditioned on the
/// ETag the row was read with. Safe with any number of instances: the one whose update lands moved the secrets; every
/// other one gets 412, discards the version it wrote and re-reads the row, which is then migrated. Runs on the first
/// read of such a row and once at host start over the whole table.
/// </summary>
public sealed class EntitySecretMigration(TableServiceClient tables, ISecretStore secrets, IOptions<TenancyOptions> options, ILogger<EntitySecretMigration> logger)
{
    private const int MaxAttempts = 5;

    private readonly TableClient _table = tables.GetTableClient(options.Value.EntitiesTable);

    /// <summary>
    /// The row with its clear secrets moved to the store (the row as it now is in the table), and whether this call
    /// made the move; null when the row was deleted meanwhile. A row without clear secrets is returned as is.
    /// </summary>
    public async Task<(EntityRecord? Record, bool Moved)> MigrateAsync(EntityRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var attempt = 1; record.HasClearSecrets; attempt++)
        {
            var written = new List<string>(2);
            try
            {
                if (!string.IsNullOrEmpty(record.WebhookSecret))
                {
                    record.WebhookSecretRef = await secrets.PutAsync(new SecretName(record.TenantId, record.Cnpj, SecretKind.WebhookSecret), record.WebhookSecret, ct).ConfigureAwait(false);
                    written.Add(record.WebhookSecretRef);
                    record.WebhookSecret = null;
                }
                if (!string.IsNullOrEmpty(record.NfceCscToken))
                {
                    record.NfceCscTokenRef = await secrets.PutAsync(new SecretName(record.TenantId, record.Cnpj, SecretKind.NfceCsc), record.NfceCscToken, ct).ConfigureAwait(false);
                    written.Add(record.NfceCscTokenRef);
                    record.NfceCscToken = null;
                }
                // Replace: the clear properties, now null, are not written, so they leave the row.
                var response = await _table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                record.ETag = response.Headers.ETag ?? record.ETag;
                Log.SecretsMigrated(logger, record.TenantId, record.Cnpj, written.Count);
                return (record, true);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                foreach (var reference in written)
                {
                    await DiscardQuietlyAsync(reference, ct).ConfigureAwait(false);
                }
                Log.SecretMigrationLostRace(logger, record.TenantId, record.Cnpj, e.Status);
                if (e.Status == 404 || attempt >= MaxAttempts)
                {
                    return e.Status == 404 ? (null, false) : throw new InvalidOperationException($"The secrets of entity {record.Cnpj} could not be migrated: the row kept changing.", e);
                }
                var read = await _table.GetEntityIfExistsAsync<EntityRecord>(record.TenantId, record.Cnpj, cancellationToken: ct).ConfigureAwait(false);
                if (!read.HasValue || read.Value is null)
                {
                    return (null, false);
                }
                record = read.Value;
            }
        }
        return (record, false);
    }

    /// <summary>
    /// Migrates every row of the entities table that still holds a secret in clear; the number moved here. A row that
    /// fails is logged and left for its first read or the next start.
    /// </summary>
    public async Task<int> MigrateAllAsync(CancellationToken ct)
    {
        var moved = 0;
        var filter = $"{nameof(EntityRecord.WebhookSecret)} ne '' or {nameof(EntityRecord.NfceCscToken)} ne ''";
        await foreach (var record in _table.QueryAsync<EntityRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (!record.HasClearSecrets)
            {
                continue;
            }
            try
            {
                moved += (await MigrateAsync(record, ct).ConfigureAwait(false)).Moved ? 1 : 0;
            }
            catch (Exception e) when (e is RequestFailedException or TenancyException or InvalidOperationException)
            {
                // One row the store cannot take now does not stop the rest; it is moved on its first read or next start.
                Log.SecretMigrationFailed(logger, e, record.TenantId, record.Cnpj);
            }
        }
        Log.SecretsMigrationScanned(logger, moved);
        return moved;
    }

    private async Task DiscardQuietlyAsync(string reference, CancellationToken ct)
    {
        try
        {
            await secrets.DiscardAsync(reference, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or TenancyException)
        {
            // An orphan version holding the same value is harmless; nobody references it.
            Log.SecretDiscardFailed(logger, e);
        }
    }
}
