using System.Globalization;
using Tss.Contracts.Delivery;
using Tss.Mde.Documents;

namespace Tss.Mde.Notifications;

/// <summary>
/// MD-e's part of the one delivery pipeline: the items of an "mde.document" delivery. One delivery per NSU (partition
/// "tenant|CNPJ", one key), delivery id "mde-{cnpj}-{NSU}": a received document never changes, so the id is stable
/// across attempts, replays and twin tenants (their retries are told apart by the partition).
/// </summary>
internal sealed class MdeDeliverySource(MdeDocumentStore documents) : IDeliverySource
{
    public DeliveryType Type => DeliveryType.MdeDocument;

    public async Task<DeliveryBatch?> ReadAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var split = partition?.LastIndexOf('|') ?? -1;
        if (split <= 0 || keys.Count != 1 || !long.TryParse(keys[0], NumberStyles.None, CultureInfo.InvariantCulture, out var nsu))
        {
            return null;
        }
        var tenantId = partition![..split];
        var cnpj = partition[(split + 1)..];
        var row = await documents.FindByNsuAsync(tenantId, cnpj, nsu, ct).ConfigureAwait(false);
        return row is null ? null : new DeliveryBatch(tenantId, cnpj, MdeNotifications.DeliveryId(cnpj, nsu), [new MdeDocumentItem(cnpj, row)]);
    }
}
