using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Offline;

/// <summary>
/// The items of a "nfce.offline_near_limit" delivery: among the keys, the NFC-e issued off-line that are still waiting
/// for their authorization (Pending, InLot, AwaitingCredits) once <see cref="PipelineOptions.OfflineAlertAfter"/> has
/// passed since their dhEmi. The delivery id depends only on the keys, so the delivery log sends each alert once
/// whatever the number of messages (a dispatch never attempts a target already in the log).
/// </summary>
internal sealed class OfflineAlertSource(TableServiceClient tables, IOptions<PipelineOptions> options, TimeProvider time) : IDeliverySource
{
    public DeliveryType Type => DeliveryType.NfceOfflineNearLimit;

    public async Task<DeliveryBatch?> ReadAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => k is { Length: 44 }).Distinct(StringComparer.Ordinal).Take(20).ToList();
        if (string.IsNullOrEmpty(partition) || wanted.Count == 0)
        {
            return null;
        }
        var table = tables.GetTableClient(options.Value.DocumentsTable);
        var read = await Task.WhenAll(wanted.Select(k => table.GetEntityIfExistsAsync<DocumentRecord>(partition, k, cancellationToken: ct))).ConfigureAwait(false);
        var now = time.GetUtcNow();
        List<DocumentRecord> due = [.. read.Where(r => r.HasValue).Select(r => r.Value!)
            .Where(d => IsDue(d, options.Value.OfflineAlertAfter, now))
            .OrderBy(d => d.RowKey, StringComparer.Ordinal)];
        return due.Count == 0
            ? null
            : new DeliveryBatch(due[0].TenantId, due[0].Cnpj, DeliveryId(partition, due), [.. due.Select(d => new OfflineAlertItem(d))]);
    }

    /// <summary>An off-line NFC-e not yet answered by its authorizer, <paramref name="after"/> or more past its dhEmi.</summary>
    public static bool IsDue(DocumentRecord d, TimeSpan after, DateTimeOffset now) =>
        d is { OfflineTransmitBy: { } by }
        && d.StatusValue is DocumentStatus.Pending or DocumentStatus.InLot or DocumentStatus.AwaitingCredits
        && now >= (d.OfflineIssuedAt ?? by - NfceOffline.TransmitWithin) + after;

    private static string DeliveryId(string partition, IEnumerable<DocumentRecord> docs)
    {
        var text = new StringBuilder("offline-alert\n").Append(partition);
        foreach (var d in docs)
        {
            text.Append('\n').Append(d.RowKey);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
