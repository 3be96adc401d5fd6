using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Queries;

/// <summary>
/// Read side of the lots for the portal's monitor. Lots live beside their documents (partition
/// "{tenant}|{CNPJ}|{AAMM}", row "lot|{idLote}"), so a month's lots of an entity are one row-key range in one
/// partition, and a lot's documents are read from the same partition. Every read is scoped by the tenant in the
/// partition key.
/// </summary>
public sealed class LotQueries(TableServiceClient tables, IOptions<PipelineOptions> options)
{
    /// <summary>Most lots listed for one month.</summary>
    public const int MaxLots = 500;

    private TableClient Documents => tables.GetTableClient(options.Value.DocumentsTable);

    /// <summary>True for "yyMM" with a real month.</summary>
    public static bool IsAamm(string? aamm) =>
        aamm is { Length: 4 } && aamm.All(char.IsAsciiDigit) && int.Parse(aamm.AsSpan(2), CultureInfo.InvariantCulture) is >= 1 and <= 12;

    /// <summary>"yyMM" of an instant (UTC), as in the access key.</summary>
    public static string Aamm(DateTimeOffset at) => at.UtcDateTime.ToString("yyMM", CultureInfo.InvariantCulture);

    /// <summary>The lots of an entity whose documents are of month <paramref name="aamm"/>, newest first.</summary>
    public async Task<IReadOnlyList<LotSummary>> ListAsync(string tenantId, string cnpj, string aamm, CancellationToken ct)
    {
        if (!IsAamm(aamm))
        {
            return [];
        }
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(tenantId, cnpj, aamm)} and RowKey ge {LotRecord.RowPrefix} and RowKey lt {"lot}"}");
        var list = new List<LotSummary>();
        try
        {
            await foreach (var lot in Documents.QueryAsync<LotRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(Summarize(lot, aamm));
                if (list.Count >= MaxLots)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No documents table yet.
        }
        return [.. list.OrderByDescending(l => l.CreatedAt)];
    }

    /// <summary>One lot of the entity, or null (also for another tenant's lot or a malformed id).</summary>
    public async Task<LotSummary?> GetAsync(string tenantId, string cnpj, string aamm, long idLote, CancellationToken ct)
    {
        if (!IsAamm(aamm) || idLote <= 0)
        {
            return null;
        }
        var read = await Documents.GetEntityIfExistsAsync<LotRecord>(
            Partition(tenantId, cnpj, aamm), LotRecord.RowPrefix + idLote.ToString(CultureInfo.InvariantCulture), cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue && read.Value!.TenantId == tenantId && read.Value.Cnpj == cnpj ? Summarize(read.Value, aamm) : null;
    }

    /// <summary>The documents of a lot, in the lot's order (those found).</summary>
    public async Task<IReadOnlyList<DocumentSummary>> GetDocumentsAsync(string tenantId, string cnpj, LotSummary lot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var keys = lot.Keys.Select(AccessKey.Parse).ToList();
        var found = await DocumentReader.ReadAsync(Documents, Partition(tenantId, cnpj, lot.Aamm), keys, ct).ConfigureAwait(false);
        return [.. keys.Where(found.ContainsKey).Select(k => DocumentQueries.Summarize(found[k]))];
    }

    private static string Partition(string tenantId, string cnpj, string aamm) => $"{tenantId}|{cnpj}|{aamm}";

    private static LotSummary Summarize(LotRecord r, string aamm)
    {
        var keys = r.Keys.Length == 0 ? [] : r.Keys.Split(',');
        var open = r.OpenKeys.Length == 0 ? 0 : r.OpenKeys.Split(',').Length;
        return new LotSummary(r.RowKey, r.idLote, aamm, r.Phase, r.Sync, keys, open, r.SendAttempts, r.nRec, r.SentAt, r.PollCount, r.LastStatus, r.CreatedAt, r.UpdatedAt)
        {
            LastFault = r.LastFault,
            LastFaultAt = r.LastFaultAt,
            Stuck = r.Stuck,
        };
    }
}
