using Azure.Data.Tables;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Documents;

/// <summary>
/// Reads a set of documents of one partition without scanning it: keys are grouped by their prefix up to the series
/// (cUF, AAMM, CNPJ, mod, serie), and each group is one row-key range query. A lot's numbers are usually
/// consecutive, so a range holds little besides the lot's own documents.
/// </summary>
public static class DocumentReader
{
    /// <summary>Length of cUF(2) + AAMM(4) + CNPJ(14) + mod(2) + serie(3).</summary>
    private const int SeriesPrefix = 25;

    public static async Task<Dictionary<AccessKey, DocumentRecord>> ReadAsync(TableClient table, string partition, IReadOnlyCollection<AccessKey> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        var wanted = keys.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var groups = wanted.GroupBy(k => k.Length >= SeriesPrefix ? k[..SeriesPrefix] : k, StringComparer.Ordinal);
        var found = await Task.WhenAll(groups.Select(async g =>
        {
            var min = g.Min(StringComparer.Ordinal)!;
            var max = g.Max(StringComparer.Ordinal)!;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {min} and RowKey le {max}");
            var docs = new List<DocumentRecord>();
            await foreach (var d in table.QueryAsync<DocumentRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
            {
                if (wanted.Contains(d.RowKey))
                {
                    docs.Add(d);
                }
            }
            return docs;
        })).ConfigureAwait(false);
        return found.SelectMany(d => d).ToDictionary(d => d.Key);
    }
}
