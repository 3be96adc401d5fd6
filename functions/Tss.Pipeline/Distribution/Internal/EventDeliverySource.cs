using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Events;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// The items of a "nfe.event" delivery: the answered events (registered or rejected) among the keys, at most 20 (one
/// envEvento batch), read by point reads. The delivery id hashes each event's version, as for documents.
/// </summary>
internal sealed class EventDeliverySource(TableServiceClient tables, IOptions<PipelineOptions> pipelineOptions) : IDeliverySource
{
    public DeliveryType Type => DeliveryType.NfeEvent;

    public async Task<DeliveryBatch?> ReadAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => k is { Length: < 80 } && k.StartsWith(EventRecord.RowPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Take(20).ToList();
        if (string.IsNullOrEmpty(partition) || wanted.Count == 0)
        {
            return null;
        }
        var table = tables.GetTableClient(pipelineOptions.Value.DocumentsTable);
        var read = await Task.WhenAll(wanted.Select(k => table.GetEntityIfExistsAsync<EventRecord>(partition, k, cancellationToken: ct))).ConfigureAwait(false);
        List<EventRecord> events = [.. read.Where(r => r.HasValue).Select(r => r.Value!)
            .Where(e => e.StatusValue is EventStatus.Registered or EventStatus.Rejected)
            .OrderBy(e => e.RowKey, StringComparer.Ordinal)];
        return events.Count == 0
            ? null
            : new DeliveryBatch(events[0].TenantId, events[0].Cnpj, DeliveryId(partition, events), [.. events.Select(e => new EventDeliveryItem(e))]);
    }

    private static string DeliveryId(string partition, IEnumerable<EventRecord> events)
    {
        var text = new StringBuilder("event\n").Append(partition);
        foreach (var e in events)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{e.RowKey}|{e.Status}|{e.cStat}|{e.UpdatedAt.UtcTicks}");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
