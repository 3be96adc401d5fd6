using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tss.Mde.Protocol;
using Tss.Runtime.Storage;
using Tss.Runtime.Tables;

namespace Tss.Mde.Documents;

/// <summary>
/// Received documents: index rows per company by NSU (carrying the XML when it fits) and by key; larger XML as
/// blobs ("{tenant}/{cnpj}/{NSU}.xml").
/// Storing is idempotent per NSU: a replayed answer (crash before the cursor moved) stores nothing twice and reports
/// only the NSUs that were new.
/// </summary>
public sealed class MdeDocumentStore(StorageClients storage, IOptions<MdeOptions> options, TimeProvider time)
{
    private readonly TableClient _table = storage.GetTable(options.Value.DocumentsTable);
    private readonly BlobContainerClient _container = storage.GetContainer(options.Value.DocumentsContainer);

    /// <summary>The NSUs of <paramref name="documents"/> already stored for the company.</summary>
    public async Task<HashSet<long>> ExistingAsync(string tenantId, string cnpj, IReadOnlyList<ReceivedDocument> documents, CancellationToken ct)
    {
        var existing = new HashSet<long>();
        if (documents.Count == 0)
        {
            return existing;
        }
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var from = MdeDocumentRecord.NsuRow(documents.Min(d => d.Nsu));
        var to = MdeDocumentRecord.NsuRow(documents.Max(d => d.Nsu));
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) <= 0,
            select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            existing.Add(long.Parse(row.RowKey.AsSpan(4), CultureInfo.InvariantCulture));
        }
        return existing;
    }

    /// <summary>Longest XML kept in the table row itself (a string property holds 32K UTF-16 characters).</summary>
    public const int InlineMaxChars = 30_000;

    /// <summary>Uploads the blobs of documents too large for their row (in parallel; overwriting the same content is harmless).</summary>
    public Task UploadAsync(string tenantId, string cnpj, IReadOnlyList<ReceivedDocument> documents, CancellationToken ct) =>
        Parallel.ForEachAsync(documents.Where(d => d.Xml.Length > InlineMaxChars), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (d, token) =>
            await _container.GetBlobClient(BlobName(tenantId, cnpj, d.Nsu)).UploadAsync(BinaryData.FromString(d.Xml), overwrite: true, token).ConfigureAwait(false));

    /// <summary>Writes the index rows of documents whose blobs are uploaded: one transaction per chunk and row kind.</summary>
    public async Task IndexAsync(string tenantId, string cnpj, int model, IReadOnlyList<ReceivedDocument> documents, CancellationToken ct)
    {
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var now = time.GetUtcNow();
        var rows = documents.Select(d => Inline(MdeDocumentRecord.From(partition, MdeDocumentRecord.NsuRow(d.Nsu), d, model, BlobOf(tenantId, cnpj, d), now), d))
            .Concat(documents.Where(d => d.chNFe is not null)
                .Select(d => MdeDocumentRecord.From(partition, MdeDocumentRecord.KeyRow(d.chNFe!, d.Nsu), d, model, BlobOf(tenantId, cnpj, d), now)))
            .ToList();
        // Upserts: a replay after a crash writes the same rows again, which is what idempotent means here.
        await _table.SubmitInTransactionsAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct)
            .ConfigureAwait(false);
    }

    public async Task<MdeDocumentRecord?> FindByNsuAsync(string tenantId, string cnpj, long nsu, CancellationToken ct)
    {
        var read = await _table.GetEntityIfExistsAsync<MdeDocumentRecord>(MdeDocumentRecord.PartitionFor(tenantId, cnpj), MdeDocumentRecord.NsuRow(nsu),
            cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Every document about a key (NF-e, its events), in NSU order.</summary>
    public async Task<IReadOnlyList<MdeDocumentRecord>> FindByKeyAsync(string tenantId, string cnpj, string chNFe, CancellationToken ct)
    {
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var prefix = $"key-{chNFe}-";
        var rows = new List<MdeDocumentRecord>();
        await foreach (var row in _table.QueryAsync<MdeDocumentRecord>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) > 0 && e.RowKey.CompareTo(prefix + "~") < 0, cancellationToken: ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Documents after NSU <paramref name="since"/>, optionally of one type, in NSU order.</summary>
    public async Task<IReadOnlyList<MdeDocumentRecord>> ListAsync(string tenantId, string cnpj, long since, DocumentType? type, int take, CancellationToken ct)
    {
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var from = MdeDocumentRecord.NsuRow(since);
        var typeName = type?.ToString();
        var rows = new List<MdeDocumentRecord>(Math.Min(take, 1000));
        await foreach (var row in _table.QueryAsync<MdeDocumentRecord>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(from) > 0 && e.RowKey.CompareTo("nsu-~") < 0, cancellationToken: ct).ConfigureAwait(false))
        {
            if (typeName is null || row.Type == typeName)
            {
                rows.Add(row);
                if (rows.Count == take)
                {
                    break;
                }
            }
        }
        return rows;
    }

    /// <summary>The stored XML of a document (from its row, its blob, or via its NSU row for a key row).</summary>
    public async Task<string> ReadXmlAsync(MdeDocumentRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Xml is { } inline)
        {
            return inline;
        }
        if (record.BlobName.Length == 0)
        {
            var nsuRow = await _table.GetEntityAsync<MdeDocumentRecord>(record.PartitionKey, MdeDocumentRecord.NsuRow(record.Nsu), cancellationToken: ct)
                .ConfigureAwait(false);
            return nsuRow.Value.Xml ?? throw new InvalidOperationException($"MD-e document {record.PartitionKey}/{record.Nsu} has no XML.");
        }
        var content = await _container.GetBlobClient(record.BlobName).DownloadContentAsync(ct).ConfigureAwait(false);
        return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span);
    }

    /// <summary>True when the company has at least one received document in the tenant's store.</summary>
    public async Task<bool> AnyAsync(string tenantId, string cnpj, CancellationToken ct) =>
        (await ListAsync(tenantId, cnpj, 0, null, 1, ct).ConfigureAwait(false)).Count > 0;

    /// <summary>
    /// Copies the received documents of a company up to NSU <paramref name="maxNsu"/> (index rows by NSU and by key, and
    /// the blobs of the large ones) from one tenant's store to another's: the history a holder granted to a tenant that
    /// joined later. Idempotent (upserts); returns the NSUs copied.
    /// </summary>
    public async Task<IReadOnlyList<long>> CopyAsync(string fromTenantId, string toTenantId, string cnpj, long maxNsu, CancellationToken ct)
    {
        var from = MdeDocumentRecord.PartitionFor(fromTenantId, cnpj);
        var to = MdeDocumentRecord.PartitionFor(toTenantId, cnpj);
        var rows = new List<MdeDocumentRecord>();
        await foreach (var row in _table.QueryAsync<MdeDocumentRecord>(e => e.PartitionKey == from, cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.Nsu <= maxNsu && (row.RowKey.StartsWith("nsu-", StringComparison.Ordinal) || row.RowKey.StartsWith("key-", StringComparison.Ordinal)))
            {
                rows.Add(row);
            }
        }
        var blobs = rows.Where(r => r.BlobName.Length > 0).Select(r => (r.Nsu, r.BlobName)).Distinct().ToList();
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (b, token) =>
        {
            var content = await _container.GetBlobClient(b.BlobName).DownloadContentAsync(token).ConfigureAwait(false);
            await _container.GetBlobClient(BlobName(toTenantId, cnpj, b.Nsu)).UploadAsync(content.Value.Content, overwrite: true, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.PartitionKey = to;
            row.ETag = default;
            row.BlobName = row.BlobName.Length > 0 ? BlobName(toTenantId, cnpj, row.Nsu) : "";
        }
        await _table.SubmitInTransactionsAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct).ConfigureAwait(false);
        return [.. rows.Where(r => r.RowKey.StartsWith("nsu-", StringComparison.Ordinal)).Select(r => r.Nsu).Order()];
    }

    /// <summary>Creates the table and container (idempotent).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await _table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await _container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
    }

    private static MdeDocumentRecord Inline(MdeDocumentRecord row, ReceivedDocument d)
    {
        row.Xml = d.Xml.Length <= InlineMaxChars ? d.Xml : null;
        return row;
    }

    private static string BlobOf(string tenantId, string cnpj, ReceivedDocument d) => d.Xml.Length > InlineMaxChars ? BlobName(tenantId, cnpj, d.Nsu) : "";

    private static string BlobName(string tenantId, string cnpj, long nsu) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenantId}/{cnpj}/{nsu:D15}.xml");
}
