using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Entities;
using Tss.Protocol.Nfce;
using Tss.Tenancy.Certificates;
using Tss.Tenancy.Internal;

namespace Tss.Tenancy.Entities;

/// <summary>
/// The pipeline's view of the tenant store: entities (point read, cached for the TTL) and their certificates (from the
/// certificate store, which caches them), plus the distribution targets kept on the same entity record.
/// </summary>
public sealed class TenantDirectory : IEntityDirectory, IEntitiesByCnpj, IDistributionTargets
{
    private readonly TableClient _table;
    private readonly ICertificateStore _certificates;
    private readonly ExpiringCache<EntityRecord> _cache;
    private readonly ExpiringCache<List<EntityInfo>> _byCnpj;

    public TenantDirectory(TableServiceClient tables, ICertificateStore certificates, IOptions<TenancyOptions> options, TimeProvider time)
    {
        _table = tables.GetTableClient(options.Value.EntitiesTable);
        _certificates = certificates;
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
            return read.HasValue ? read.Value : null;
        }, ct).ConfigureAwait(false);
    }

    public async Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        var record = await GetEntityAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        return record is null ? null : ToInfo(record);
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
                list.Add(ToInfo(record));
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
        return new DistributionTargets(record.WebhookUrl is null ? null : new Uri(record.WebhookUrl), record.WebhookSecret, record.Email);
    }

    /// <summary>Forgets a cached entity (after a change on this instance).</summary>
    public void Invalidate(string tenantId, string cnpj)
    {
        _cache.Invalidate(CacheKey(tenantId, cnpj));
        _byCnpj.Invalidate(cnpj);
    }

    private static string CacheKey(string tenantId, string cnpj) => tenantId + "|" + cnpj;

    private static EntityInfo ToInfo(EntityRecord record) =>
        new(record.TenantId, record.Cnpj, record.Uf, record.tpAmb, record.CertificateRef,
            record is { NfceCscId: { } id, NfceCscToken: { } token } ? new NfceCsc(id, token) : null);
}
