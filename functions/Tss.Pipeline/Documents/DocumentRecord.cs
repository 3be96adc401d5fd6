using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Tss.Contracts.Documents;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Documents;

/// <summary>
/// One NF-e in the documents table. Partition = tenant + emitter CNPJ + AAMM of the key (derivable from the key, so
/// a lookup by chNFe is a point read, and a lot's documents share a partition for entity-group transactions); row = chNFe.
/// The signed XML is kept inline (one transaction for ingest) unless it is too large for a table property.
/// </summary>
public sealed class DocumentRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string? ErpId { get; set; }
    public int mod { get; set; }
    public int tpAmb { get; set; }
    public string Uf { get; set; } = "";
    public string Status { get; set; } = nameof(DocumentStatus.Pending);
    public bool SyncRequested { get; set; }
    public string? LotId { get; set; }

    /// <summary>The lot this document was last released from (re-queued after reconciliation), so a replayed outcome of that lot leaves it alone.</summary>
    public string? ReleasedFrom { get; set; }

    /// <summary>The signed NFe element (no declaration), when it fits a table property.</summary>
    public string? SignedXml { get; set; }

    /// <summary>Blob name of the signed XML when it did not fit inline.</summary>
    public string? SignedBlob { get; set; }

    public int SignedBytes { get; set; }
    public string DigestValue { get; set; } = "";
    /// <summary>EPEC (tpEmis 4) only: Awaiting (stored, no pending marker: never sent before the EPEC is registered),
    /// Sending (write-ahead before the Ambiente Nacional is called), Registered, Rejected, or Superseded (661: the key is
    /// already an NF-e at SEFAZ, so its lot reconciles it). Null for every other document.</summary>
    public string? EpecStatus { get; set; }

    /// <summary>The EPEC's registration protocol at the Ambiente Nacional (null when a 573 confirmed it without one).</summary>
    public string? EpecProtocol { get; set; }

    /// <summary>When the Ambiente Nacional registered the EPEC (dhRegEvento).</summary>
    public DateTimeOffset? EpecRegisteredAt { get; set; }

    /// <summary>The signed EPEC event last sent (kept with the document).</summary>
    public string? EpecXml { get; set; }

    /// <summary>How many times the EPEC was sent (a send after an unknown outcome is answered 573 when the first registered it).</summary>
    public int EpecSends { get; set; }

    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    public DateTimeOffset? dhRecbto { get; set; }
    public string? ProcBlob { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int SendCount { get; set; }

    /// <summary>Set while the document's lot is stuck (it stopped restarting and waits for an operator's retry): what
    /// went wrong. The status stays InLot — the document may have reached SEFAZ, and the retry reconciles by key.</summary>
    public string? Attention { get; set; }

    /// <summary>When <see cref="Attention"/> was set.</summary>
    public DateTimeOffset? AttentionSince { get; set; }

    /// <summary>W3C traceparent of the document's trace, started at ingest (null when tracing was off).</summary>
    public string? TraceParent { get; set; }
    /// <summary>Events answered by SEFAZ (registered or rejected), as JSON written by the events stage
    /// (Tss.Pipeline.Events.DocumentEventList): tpEvento, nSeqEvento, cStat, nProt, dhRegEvento per event.</summary>
    public string? Events { get; set; }

    /// <summary>How many events SEFAZ registered for this document (cancelamento and CC-e).</summary>
    public int EventCount { get; set; }

    /// <summary>Compact history, one line per transition ("2026-11-23T12:00:00Z InLot lot-…").</summary>
    public string History { get; set; } = "";

    /// <summary>NFC-e issued off-line (tpEmis 9): its dhEmi; null for any other document.</summary>
    public DateTimeOffset? OfflineIssuedAt { get; set; }

    /// <summary>NFC-e issued off-line: when its transmission limit passes (dhEmi + 24 h).</summary>
    public DateTimeOffset? OfflineTransmitBy { get; set; }

    public DocumentStatus StatusValue => Enum.Parse<DocumentStatus>(Status);

    /// <summary>The document's access key (its row key).</summary>
    [IgnoreDataMember]
    public AccessKey Key => AccessKey.Parse(RowKey);

    /// <summary>
    /// True when the document is in <paramref name="lotId"/>: its LotId says so, or it still shows Pending (or
    /// AwaitingCredits) without a
    /// lot (the lot's claim — deleting the pending marker — is authoritative; the "in lot" mark is written after it and
    /// may have been lost in a crash) and it was not released from that very lot.
    /// </summary>
    public bool BelongsTo(string lotId) =>
        LotId == lotId || (StatusValue is DocumentStatus.Pending or DocumentStatus.AwaitingCredits && string.IsNullOrEmpty(LotId) && ReleasedFrom != lotId);

    /// <summary>Partition of a key for a tenant: "{tenant}|{CNPJ}|{AAMM}".</summary>
    public static string PartitionFor(string tenantId, AccessKey key) => $"{tenantId}|{key.Emitter}|{key.Aamm}";

    public void AddHistory(DateTimeOffset at, string text)
    {
        var line = $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {text}";
        // Table string properties hold 32K characters; keep the most recent lines.
        History = History.Length + line.Length > 8_000 ? History[(History.IndexOf('\n', 2_000) + 1)..] + line + "\n" : History + line + "\n";
    }
}
