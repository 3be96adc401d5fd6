using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Entities;
using Tss.Protocol.Nfce;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Internal;
using Tss.Tenancy.Secrets;

namespace Tss.Tenancy.Entities;

/// <summary>
/// The pipeline's view of the tenant store: entities (point read, cached for the TTL) and their certificates (from the
/// certificate store, which caches them), plus the distribution targets kept on the same entity record. Secrets (the
/// webhook secret, the NFC-e CSC) are read through the <see cref="ISecretStore"/>; a row still holding them in clear is
/// migrated on its first read here (<see cref="EntitySecretMigration"/>).
/// </summary>
public sealed class TenantDirectory : IEntityDirectory, IEntitiesByCnpj, IDistributionTargets
{
    private readonly TableClient _table;
    private readonly ICertificateStore _certificates;
    private readonly ISecretStore _secrets;
    private readonly EntitySecretMigration _migration;
    private readonly ILogger<TenantDirectory> _logger;
    private readonly ExpiringCache<EntityRecord> _cache;
    private readonly ExpiringCache<List<EntityInfo>> _byCnpj;

    public TenantDirectory(TableServiceClient tables, ICertificateStore certificates, ISecretStore secrets, EntitySecretMigration migration,
        IOptions<TenancyOptions> options, TimeProvider time, ILogger<TenantDirectory> logger)
    {
        _table = tables.GetTableClient(options.Value.EntitiesTable);
        _certificates = certificates;
        _secrets = secrets;
        _migration = migration;
        _logger = logger;
        _cache = new ExpiringCache<EntityRecord>(time, () => options.Value.CacheTtl);
        _byCnpj = new ExpiringCache<List<EntityInfo>>(time, () => options.Value.CacheTtl);
    }

    /// <summary>The entity record of <paramref name="tenantId"/> with <paramref name="cnpj"/>, or null.</summary>
    public async Task<EntityRecord?> GetEntityAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(cnpj) || cnpj.Length != 14)
        {
            return null;
        }
        return await _cache.GetOrLoadAsync(CacheKey(tenantId, cnpj), async c =>
        {
            var read = await _table.GetEntityIfExistsAsync<EntityRecord>(tenantId, cnpj, cancellationToken: c).ConfigureAwait(false);
            return read.HasValue && read.Value is { } record ? await MigratedAsync(record, c).ConfigureAwait(false) : null;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>A legacy row with its clear secrets moved; if the store cannot take them now, the row as read (used as is).</summary>
    private async Task<EntityRecord?> MigratedAsync(EntityRecord record, CancellationToken ct)
    {
        if (!record.HasClearSecrets)
        {
            return record;
        }
        var (tenantId, cnpj) = (record.TenantId, record.Cnpj);
        try
        {
            return (await _migration.MigrateAsync(record, ct).ConfigureAwait(false)).Record;
        }
        catch (Exception e) when (e is RequestFailedException or TenancyException or InvalidOperationException)
        {
            Log.SecretMigrationFailed(_logger, e, tenantId, cnpj);
            var read = await _table.GetEntityIfExistsAsync<EntityRecord>(tenantId, cnpj, cancellationToken: ct).ConfigureAwait(false);
            return read.HasValue ? read.Value : null;
        }
    }

    public async Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        var record = await GetEntityAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        return record is null ? null : await ToInfoAsync(record, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A cross-partition query by row key (MD-e fan-out), cached for the TTL and dropped when an entity with the CNPJ is
    /// saved here. A tenant seen late loses nothing: MD-e gives a newcomer a full copy when it first finds it empty.
    /// </summary>
    public async Task<IReadOnlyList<EntityInfo>> ForCnpjAsync(string cnpj, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(cnpj) || cnpj.Length != 14)
        {
            return [];
        }
        return await _byCnpj.GetOrLoadAsync(cnpj, async c =>
        {
            var list = new List<EntityInfo>();
            await foreach (var record in _table.QueryAsync<EntityRecord>(TableClient.CreateQueryFilter($"RowKey eq {cnpj}"), cancellationToken: c).ConfigureAwait(false))
            {
                list.Add(await ToInfoAsync(record, c).ConfigureAwait(false));
            }
            return list;
        }, ct).ConfigureAwait(false) ?? [];
    }

    public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _certificates.LoadAsync(entity.CertificateRef, ct);
    }

    public async Task<DistributionTargets> GetAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        var record = await GetEntityAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        if (record is null || (record.WebhookUrl is null && record.Email is null))
        {
            return DistributionTargets.None;
        }
        var secret = await SecretAsync(record.WebhookSecretRef, record.WebhookSecret, ct).ConfigureAwait(false);
        return new DistributionTargets(record.WebhookUrl is null ? null : new Uri(record.WebhookUrl), secret, record.Email);
    }

    /// <summary>The webhook secret of an entity in clear (to sign), or null.</summary>
    public Task<string?> WebhookSecretAsync(EntityRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SecretAsync(record.WebhookSecretRef, record.WebhookSecret, ct);
    }

    /// <summary>Forgets a cached entity (after a change on this instance).</summary>
    public void Invalidate(string tenantId, string cnpj)
    {
        _cache.Invalidate(CacheKey(tenantId, cnpj));
        _byCnpj.Invalidate(cnpj);
    }

    private static string CacheKey(string tenantId, string cnpj) => tenantId + "|" + cnpj;

    private async Task<EntityInfo> ToInfoAsync(EntityRecord record, CancellationToken ct)
    {
        var token = record.NfceCscId is null ? null : await SecretAsync(record.NfceCscTokenRef, record.NfceCscToken, ct).ConfigureAwait(false);
        return new(record.TenantId, record.Cnpj, record.Uf, record.tpAmb, record.CertificateRef,
            record.NfceCscId is { } id && token is not null ? new NfceCsc(id, token) : null);
    }

    /// <summary>The store's value when the row has a reference, else the legacy clear value (a row not migrated yet).</summary>
    private async Task<string?> SecretAsync(string? reference, string? clear, CancellationToken ct) =>
        !string.IsNullOrEmpty(reference) ? await _secrets.GetAsync(reference, ct).ConfigureAwait(false) : string.IsNullOrEmpty(clear) ? null : clear;
}
