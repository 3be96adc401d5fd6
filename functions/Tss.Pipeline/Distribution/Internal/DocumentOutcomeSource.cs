using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The items of a "nfe.outcome" delivery: the final documents (authorized, denied, rejected) among a lot's keys, read
/// with one point read per key up to two keys, else one range query over the partition.
/// </summary>
internal sealed partial class DocumentOutcomeSource(
    TableServiceClient tables, IOptions<DistributionOptions> options, IOptions<PipelineOptions> pipelineOptions) : IDeliverySource
{
    private static readonly string[] DocumentColumns =
        ["PartitionKey", "RowKey", "TenantId", "Cnpj", "ErpId", "mod", "tpAmb", "Status", "cStat", "xMotivo", "nProt", "dhRecbto", "ProcBlob", "UpdatedAt", "TraceParent", "LotId", "Uf"];

    public DeliveryType Type => DeliveryType.NfeOutcome;

    public async Task<DeliveryBatch?> ReadAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var docs = await ReadFinalDocumentsAsync(partition, keys, ct).ConfigureAwait(false);
        if (docs.Count == 0)
        {
            return null;
        }
        var template = options.Value.ProcNFePathTemplate;
        return new DeliveryBatch(docs[0].TenantId, docs[0].Cnpj, DeliveryIds.ForMessage(partition, docs), [.. docs.Select(d => new DocumentOutcomeItem(d, template))]);
    }

    private async Task<List<DocumentRecord>> ReadFinalDocumentsAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => k is not null && ChNFePattern().IsMatch(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (string.IsNullOrEmpty(partition) || wanted.Count == 0)
        {
            return [];
        }
        var table = tables.GetTableClient(pipelineOptions.Value.DocumentsTable);
        var docs = new List<DocumentRecord>();
        if (wanted.Count <= 2)
        {
            foreach (var key in wanted)
            {
                var read = await table.GetEntityIfExistsAsync<DocumentRecord>(partition, key, DocumentColumns, ct).ConfigureAwait(false);
                if (read.HasValue)
                {
                    docs.Add(read.Value!);
                }
            }
        }
        else
        {
            // One range query over the partition (a lot's keys are adjacent: same CNPJ, model, series, close numbers);
            // a filter listing the keys would exceed the service's 15 comparisons per filter.
            var set = wanted.ToHashSet(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {wanted[0]} and RowKey le {wanted[^1]}");
            await foreach (var d in table.QueryAsync<DocumentRecord>(filter, maxPerPage: 1000, select: DocumentColumns, cancellationToken: ct).ConfigureAwait(false))
            {
                if (set.Contains(d.RowKey))
                {
                    docs.Add(d);
                }
            }
        }
        return [.. docs.Where(d => Enum.TryParse<DocumentStatus>(d.Status, out var s) && s is DocumentStatus.Authorized or DocumentStatus.Denied or DocumentStatus.Rejected)];
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{14}[0-9]{24}$")] // PL_010: the CNPJ part may be alphanumeric
    private static partial Regex ChNFePattern();
}
