using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Events;

/// <summary>Read side of events: a document's events (one row-key range in its partition) and their procEventoNFe.</summary>
public sealed class EventQueries(TableServiceClient tables, BlobServiceClient blobs, IOptions<PipelineOptions> options)
{
    private readonly PipelineOptions _o = options.Value;

    /// <summary>The events of <paramref name="document"/>, ordered by type and sequence.</summary>
    public Task<IReadOnlyList<EventRecord>> ListAsync(DocumentRecord document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ReadEventsAsync(tables.GetTableClient(_o.DocumentsTable), document.PartitionKey, document.Key, ct);
    }

    /// <summary>One event of <paramref name="document"/>, or null.</summary>
    public async Task<EventRecord?> GetAsync(DocumentRecord document, string tpEvento, int nSeqEvento, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (tpEvento is not { Length: 6 } || !tpEvento.All(char.IsAsciiDigit) || nSeqEvento is < 1 or > 99)
        {
            return null;
        }
        var read = await tables.GetTableClient(_o.DocumentsTable)
            .GetEntityIfExistsAsync<EventRecord>(document.PartitionKey, EventRecord.RowFor(document.Key, tpEvento, nSeqEvento), cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>The stored procEventoNFe of a registered event, or null.</summary>
    public async Task<string?> GetProcEventoAsync(EventRecord e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrEmpty(e.ProcBlob))
        {
            return null;
        }
        try
        {
            return (await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(e.ProcBlob).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString();
        }
        catch (RequestFailedException x) when (x.Status == 404)
        {
            return null;
        }
    }

    internal static async Task<IReadOnlyList<EventRecord>> ReadEventsAsync(TableClient table, string partition, AccessKey key, CancellationToken ct)
    {
        var first = EventRecord.RowsOf(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey lt {first[..^1] + "}"}");
        var list = new List<EventRecord>();
        await foreach (var e in table.QueryAsync<EventRecord>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            list.Add(e);
        }
        return list;
    }
}
