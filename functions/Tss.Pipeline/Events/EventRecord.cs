using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Events;

/// <summary>
/// One event request (cancelamento or CC-e) of a document, stored beside it in the documents table: same partition
/// (tenant|CNPJ|AAMM), row "evt|{chNFe}|{tpEvento}|{nSeqEvento:00}" — so chNFe + tpEvento + nSeqEvento is unique, an
/// event and its document change in one entity-group transaction, and a document's events are one row-key range.
/// The signed evento is written before it is sent (write-ahead): a resend after an unknown outcome sends the same bytes.
/// </summary>
public sealed class EventRecord : ITableEntity
{
    /// <summary>Row keys of events sort after every access key and before lots ("lot|") and open-lot markers.</summary>
    public const string RowPrefix = "evt|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string chNFe { get; set; } = "";
    public string tpEvento { get; set; } = "";
    public int nSeqEvento { get; set; }
    public string Uf { get; set; } = "";
    public int mod { get; set; }
    public int tpAmb { get; set; }
    public string Status { get; set; } = nameof(EventStatus.Pending);

    /// <summary>Cancelamento: the justification and the authorization protocol it cancels.</summary>
    public string? xJust { get; set; }
    public string? nProtNFe { get; set; }

    /// <summary>CC-e: the correction text.</summary>
    public string? xCorrecao { get; set; }

    /// <summary>The signed evento (written by the batch's send before SEFAZ is called: write-ahead).</summary>
    public string? SignedXml { get; set; }

    /// <summary>The batch that claimed the event (set by the cutter; null while the event waits for a batch).</summary>
    public string? BatchId { get; set; }

    /// <summary>Number of the batch's send that last carried the event (recorded before that send: a re-run of the
    /// send finds it and does not send again).</summary>
    public int BatchSend { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    public DateTimeOffset? dhRegEvento { get; set; }
    public string? ProcBlob { get; set; }
    /// <summary>False from the moment the event is answered until its distribution message is queued.</summary>
    public bool Distributed { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public EventStatus StatusValue => Enum.Parse<EventStatus>(Status);

    /// <summary>The document's access key (<see cref="chNFe"/>, the stored column).</summary>
    [IgnoreDataMember]
    public AccessKey Key => AccessKey.Parse(chNFe);

    /// <summary>Pending or Sending: not answered yet.</summary>
    public bool IsOpen => StatusValue is EventStatus.Pending or EventStatus.Sending;

    public static string RowFor(AccessKey key, string tpEvento, int nSeqEvento) =>
        string.Create(CultureInfo.InvariantCulture, $"{RowPrefix}{key.Value}|{tpEvento}|{nSeqEvento:00}");

    /// <summary>First row key of a document's events (the range ends at the same text followed by '}').</summary>
    public static string RowsOf(AccessKey key) => $"{RowPrefix}{key.Value}|";

    /// <summary>Blob name of the procEventoNFe (in the procNFe container, beside the document's procNFe).</summary>
    public static string BlobName(string partition, AccessKey key, string tpEvento, int nSeqEvento) =>
        string.Create(CultureInfo.InvariantCulture, $"{partition.Replace('|', '/')}/{key.Value}-{tpEvento}-{nSeqEvento:00}-procEventoNFe.xml");
}
