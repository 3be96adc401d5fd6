using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Tables;

namespace Tss.Pipeline.Queries;

/// <summary>
/// Read side of the documents for the API: point reads by key (the partition derives from tenant + key) and by the
/// ERP's id (one index read more), listings by entity with status/date filters and continuation, and the XML bodies.
/// Every read is scoped by the tenant in the partition key, so another tenant's key or id finds nothing.
/// </summary>
public sealed class DocumentQueries(TableServiceClient tables, BlobServiceClient blobs, IOptions<PipelineOptions> options,
    TimeProvider? time = null, ILogger<DocumentQueries>? logger = null)
{
    private static readonly string[] SummaryColumns =
    [
        "PartitionKey", "RowKey", nameof(DocumentRecord.Cnpj), nameof(DocumentRecord.ErpId), nameof(DocumentRecord.Status),
        nameof(DocumentRecord.cStat), nameof(DocumentRecord.xMotivo), nameof(DocumentRecord.nProt), nameof(DocumentRecord.dhRecbto),
        nameof(DocumentRecord.ReceivedAt), nameof(DocumentRecord.UpdatedAt), nameof(DocumentRecord.ProcBlob),
        nameof(DocumentRecord.OfflineIssuedAt), nameof(DocumentRecord.OfflineTransmitBy),
    ];

    private readonly PipelineOptions _o = options.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    /// <summary>True for 44 digits (the only shape a stored key can have).</summary>
    public static bool IsAccessKeyShape(string? chNFe) => chNFe is { Length: 44 } && chNFe.All(char.IsAsciiDigit);

    /// <summary>The document of <paramref name="tenantId"/> with this key, or null.</summary>
    public async Task<DocumentRecord?> GetAsync(string tenantId, string chNFe, CancellationToken ct)
    {
        if (!AccessKey.TryParse(chNFe, out var key, out _))
        {
            return null;
        }
        var read = await Documents.GetEntityIfExistsAsync<DocumentRecord>(DocumentRecord.PartitionFor(tenantId, key), key.Value, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>The document the ERP submitted with <paramref name="erpId"/> for entity <paramref name="cnpj"/>, or null.</summary>
    public async Task<DocumentRecord?> FindByErpIdAsync(string tenantId, string cnpj, string erpId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(erpId) || erpId.Length > 200)
        {
            return null;
        }
        var index = await tables.GetTableClient(_o.ErpIdsTable)
            .GetEntityIfExistsAsync<ErpIdRecord>(tenantId, ErpIdRecord.RowFor(cnpj, erpId), cancellationToken: ct).ConfigureAwait(false);
        return index.HasValue ? await GetAsync(tenantId, index.Value!.chNFe, ct).ConfigureAwait(false) : null;
    }

    /// <summary>A page of an entity's documents, newest partitions last (table order: by month of emission, then key).</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not issued for this entity.</exception>
    public async Task<DocumentPage> ListAsync(DocumentListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prefix = $"{query.TenantId}|{query.Cnpj}|";
        // dhEmi (which names the partition's month) is at most ~30 days before receipt (SEFAZ refuses older, 228) and
        // never much after it, so two months of margin on each side bound the partitions to scan.
        var low = prefix + (query.ReceivedFrom is { } f ? Aamm(f.AddMonths(-2)) : "");
        var high = query.ReceivedTo is { } t ? prefix + Aamm(t.AddMonths(2)) + "~" : $"{query.TenantId}|{query.Cnpj}}}";
        var filter = new StringBuilder(TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey lt {high} and RowKey lt {":"}"));
        if (query.Status is { } status)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }
        if (query.OfflinePending)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"OfflineTransmitBy ge {DateTimeOffset.UnixEpoch}"))
                .Append(" and (").Append(TableClient.CreateQueryFilter($"Status eq {nameof(DocumentStatus.Pending)} or Status eq {nameof(DocumentStatus.InLot)} or Status eq {nameof(DocumentStatus.AwaitingCredits)}")).Append(')');
        }
        if (query.ReceivedFrom is { } from)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"ReceivedAt ge {from}"));
        }
        if (query.ReceivedTo is { } to)
        {
            filter.Append(" and ").Append(TableClient.CreateQueryFilter($"ReceivedAt lt {to}"));
        }
        var pageSize = Math.Clamp(query.PageSize, 1, DocumentListQuery.MaxPageSize);
        var continuation = DecodeToken(query.ContinuationToken, prefix);
        try
        {
            await foreach (var page in Documents.QueryAsync<DocumentRecord>(filter.ToString(), pageSize, SummaryColumns, ct)
                .AsPages(continuation, pageSize).ConfigureAwait(false))
            {
                return new DocumentPage([.. page.Values.Select(Describe)], EncodeToken(page.ContinuationToken, prefix));
            }
        }
        catch (RequestFailedException e) when (e.Status == 400 && continuation is not null)
        {
            throw new InvalidContinuationTokenException("Token de continuação inválido.");
        }
        return new DocumentPage([], null);
    }

    /// <summary>The signed NFe as stored (inline or in its blob).</summary>
    public async Task<string> GetSignedXmlAsync(DocumentRecord document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SignedXml is { } inline)
        {
            return inline;
        }
        var blob = blobs.GetBlobContainerClient(_o.SignedContainer).GetBlobClient(document.SignedBlob);
        return (await blob.DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString();
    }

    /// <summary>The procNFe of an authorized document, or null while there is none.</summary>
    public async Task<BinaryData?> GetProcNFeAsync(DocumentRecord document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.ProcBlob is null)
        {
            return null;
        }
        try
        {
            return (await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(document.ProcBlob).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static DocumentSummary Summarize(DocumentRecord d) =>
        new(d.RowKey, d.Cnpj, d.ErpId, d.Status, d.cStat, d.xMotivo, d.nProt, d.dhRecbto, d.ReceivedAt, d.UpdatedAt, d.ProcBlob is not null)
        {
            Attention = string.IsNullOrEmpty(d.Attention) ? null : d.Attention,
            Epec = d.EpecStatus is { } epec ? new EpecState(epec, d.EpecProtocol, d.EpecRegisteredAt) : null,
        };

    /// <summary>
    /// <see cref="Summarize"/> plus the off-line state of an NFC-e issued off-line; one still waiting within 4 h of its
    /// 24 h limit is logged as a warning each time it is read (the pending list is where operators look).
    /// </summary>
    public DocumentSummary Describe(DocumentRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var summary = Summarize(d);
        if (Offline.NfceOffline.StateOf(d, (time ?? TimeProvider.System).GetUtcNow()) is not { } offline)
        {
            return summary;
        }
        if (offline.NearLimit && logger is not null)
        {
            Log.OfflineNearLimit(logger, d.RowKey, d.Status, offline.TransmitBy);
        }
        return summary with { Offline = offline };
    }

    private static string Aamm(DateTimeOffset at) => at.UtcDateTime.ToString("yyMM", CultureInfo.InvariantCulture);

    // The table service's token travels base64url-encoded behind a short tag of the entity it was issued for. The
    // filter alone keeps a listing inside the tenant's partitions whatever the token says; the tag makes a token used
    // for another entity a clear 400 rather than a silently odd page.
    private static string? EncodeToken(string? token, string prefix) => ContinuationTokens.Wrap(token, prefix);

    private static string? DecodeToken(string? token, string prefix) =>
        ContinuationTokens.TryUnwrap(token, prefix, out var inner) ? inner : throw new InvalidContinuationTokenException("Token de continuação inválido.");
}
