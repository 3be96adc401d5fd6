using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Runtime.Storage;
using Tss.Runtime.Tables;

namespace Tss.Mde.Sharing;

/// <summary>
/// The sharing table: per company and environment, the first tenant, one row per tenant holding the CNPJ and the log
/// of decisions on the history. Rows change only by insert-if-absent or ETag compare-and-swap.
/// </summary>
public sealed class MdeSharingStore(StorageClients storage, IOptions<MdeOptions> options, TimeProvider time)
{
    private readonly TableClient _table = storage.GetTable(options.Value.SharingTable);

    /// <summary>
    /// The entity's member row, created on first sight: the owner when its tenant is (or becomes, being first) the
    /// company's first tenant — <paramref name="founderCandidate"/> claims that only when nobody has — otherwise pending.
    /// </summary>
    public async Task<MdeMember> EnsureAsync(EntityInfo entity, string founderCandidate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var partition = MdeMember.PartitionFor(entity.Cnpj, entity.tpAmb);
        var existing = await _table.GetEntityIfExistsAsync<MdeMember>(partition, MdeMember.RowKeyFor(entity.TenantId), cancellationToken: ct).ConfigureAwait(false);
        if (existing.HasValue)
        {
            return existing.Value!;
        }
        var now = time.GetUtcNow();
        var company = (await _table.InsertIfAbsentAsync(new MdeCompanyRow { PartitionKey = partition, FounderTenantId = founderCandidate, CreatedAt = now }, ct)
            .ConfigureAwait(false)).Entity;
        var owner = company.FounderTenantId == entity.TenantId;
        var member = new MdeMember
        {
            PartitionKey = partition,
            RowKey = MdeMember.RowKeyFor(entity.TenantId),
            TenantId = entity.TenantId,
            Cnpj = entity.Cnpj,
            tpAmb = entity.tpAmb,
            JoinedAt = now,
            History = (owner ? HistoryAccess.Owner : HistoryAccess.Pending).ToString(),
            FromNsu = owner ? 0 : null,
        };
        return (await _table.InsertIfAbsentAsync(member, ct).ConfigureAwait(false)).Entity;
    }

    public async Task<MdeMember?> FindAsync(string cnpj, int tpAmb, string tenantId, CancellationToken ct)
    {
        var read = await _table.GetEntityIfExistsAsync<MdeMember>(MdeMember.PartitionFor(cnpj, tpAmb), MdeMember.RowKeyFor(tenantId), cancellationToken: ct)
            .ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    public async Task<MdeCompanyRow?> CompanyAsync(string cnpj, int tpAmb, CancellationToken ct)
    {
        var read = await _table.GetEntityIfExistsAsync<MdeCompanyRow>(MdeMember.PartitionFor(cnpj, tpAmb), MdeCompanyRow.Row, cancellationToken: ct)
            .ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Every tenant holding the CNPJ in the environment (one partition range read).</summary>
    public async Task<IReadOnlyList<MdeMember>> MembersAsync(string cnpj, int tpAmb, CancellationToken ct)
    {
        var partition = MdeMember.PartitionFor(cnpj, tpAmb);
        var rows = new List<MdeMember>();
        await foreach (var row in _table.QueryAsync<MdeMember>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo("member-") > 0 && e.RowKey.CompareTo("member-~") < 0, cancellationToken: ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The decisions on the history, oldest first.</summary>
    public async Task<IReadOnlyList<MdeSharingDecision>> DecisionsAsync(string cnpj, int tpAmb, CancellationToken ct)
    {
        var partition = MdeMember.PartitionFor(cnpj, tpAmb);
        var rows = new List<MdeSharingDecision>();
        await foreach (var row in _table.QueryAsync<MdeSharingDecision>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(MdeSharingDecision.RowPrefix) > 0 && e.RowKey.CompareTo(MdeSharingDecision.RowPrefix + "~") < 0,
            cancellationToken: ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Read-mutate-write with If-Match; <paramref name="mutate"/> may run more than once.</summary>
    public async Task<MdeMember> UpdateAsync(MdeMember member, Func<MdeMember, bool> mutate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var result = await _table.UpdateWithRetryAsync(member.PartitionKey, member.RowKey, mutate, ct: ct).ConfigureAwait(false);
        return result.Entity ?? throw new InvalidOperationException($"MD-e member {member.PartitionKey}/{member.RowKey} disappeared.");
    }

    public Task AppendDecisionAsync(MdeSharingDecision decision, CancellationToken ct) => _table.AddEntityAsync(decision, ct);

    public Task EnsureCreatedAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);
}
