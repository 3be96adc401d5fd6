using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Documents;

/// <summary>
/// "This document waits for a lot": a small row beside the document (same partition, row "pend|{chNFe}"), written in
/// the same entity-group transaction as the document and deleted in the same one that creates its lot. The assembler
/// reads only these rows (a row-key range), never scans the month's documents; and because insert and delete are
/// atomic with the document and the lot, a document is pending exactly while its marker exists.
/// </summary>
public sealed class PendingMarker : ITableEntity
{
    /// <summary>Row keys of markers: after every access key and after lots ("lot|") and open-lot markers ("open|").</summary>
    public const string RowPrefix = "pend|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string Uf { get; set; } = "";
    public int tpAmb { get; set; }
    public int SignedBytes { get; set; }
    public int mod { get; set; }
    public bool SyncRequested { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? TraceParent { get; set; }

    /// <summary>The signed document's DigestValue: with the key, the send identity credits are debited for.</summary>
    public string DigestValue { get; set; } = "";

    /// <summary>Set while the document waits for credits (so a re-check that changes nothing writes nothing).</summary>
    public bool AwaitingCredits { get; set; }

    /// <summary>The document's access key (the row key after <see cref="RowPrefix"/>).</summary>
    [IgnoreDataMember]
    public AccessKey Key => AccessKey.Parse(RowKey[RowPrefix.Length..]);

    public static string RowFor(AccessKey key) => RowPrefix + key.Value;

    public static PendingMarker For(DocumentRecord doc) => new()
    {
        PartitionKey = doc.PartitionKey,
        RowKey = RowFor(doc.Key),
        TenantId = doc.TenantId,
        Cnpj = doc.Cnpj,
        Uf = doc.Uf,
        tpAmb = doc.tpAmb,
        SignedBytes = doc.SignedBytes,
        mod = doc.mod,
        SyncRequested = doc.SyncRequested,
        ReceivedAt = doc.ReceivedAt,
        TraceParent = doc.TraceParent,
        DigestValue = doc.DigestValue,
    };
}
