using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Distribution;

/// <summary>
/// Reads the delivery log (for the host's API and the portal): every webhook and e-mail delivery with its attempts.
/// The log is partitioned like the documents (tenant|CNPJ|AAMM), so every query here stays inside one partition.
/// </summary>
public sealed class DeliveryLog(TableServiceClient tables, IOptions<DistributionOptions> options)
{
    private readonly DistributionOptions _o = options.Value;

    /// <summary>The deliveries that carried <paramref name="chNFe"/> of <paramref name="tenantId"/>, oldest first.</summary>
    /// <remarks>Scans the document's entity-month partition; fine for an operator's lookup, not for a hot path.</remarks>
    public async Task<IReadOnlyList<DeliveryEntry>> ForDocumentAsync(string tenantId, string chNFe, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (!AccessKey.TryParse(chNFe, out var key, out _))
        {
            return [];
        }
        var partition = DocumentRecord.PartitionFor(tenantId, key);
        var entries = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), int.MaxValue, r => r.Keys.Contains(chNFe, StringComparison.Ordinal), ct).ConfigureAwait(false);
        return [.. entries.OrderBy(e => e.CreatedAt)];
    }

    /// <summary>The targets of one delivery (its webhook row and its e-mail rows).</summary>
    public Task<IReadOnlyList<DeliveryEntry>> ForDeliveryAsync(string partition, string deliveryId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {deliveryId + "|"} and RowKey lt {deliveryId + "}"}");
        return QueryAsync(filter, int.MaxValue, _ => true, ct);
    }

    /// <summary>Up to <paramref name="max"/> deliveries of an entity in a month (<paramref name="aamm"/> as in the access key, e.g. "2611").</summary>
    public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string tenantId, string cnpj, string aamm, int max, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(cnpj);
        ArgumentException.ThrowIfNullOrEmpty(aamm);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {$"{tenantId}|{cnpj}|{aamm}"}"), max, _ => true, ct);
    }

    private async Task<IReadOnlyList<DeliveryEntry>> QueryAsync(string filter, int max, Func<DeliveryRecord, bool> keep, CancellationToken ct)
    {
        var list = new List<DeliveryEntry>();
        try
        {
            await foreach (var row in tables.GetTableClient(_o.DeliveriesTable).QueryAsync<DeliveryRecord>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct).ConfigureAwait(false))
            {
                if (keep(row))
                {
                    list.Add(row.ToEntry());
                    if (list.Count >= max)
                    {
                        break;
                    }
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing was ever delivered.
        }
        return list;
    }
}
