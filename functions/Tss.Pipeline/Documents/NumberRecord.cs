using Azure;
using Azure.Data.Tables;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Documents;

/// <summary>
/// "This document number is taken by that key": a small row beside the documents (same partition, row
/// "num|{tpAmb}|{mod}{serie}{nNF}"), written in the same entity-group transaction as the document and its pending marker,
/// so the normal path costs no extra storage transaction. A second key for the same number (the ERP resubmitting the
/// tpEmis 1 original of a document ingest re-keyed to tpEmis 6/7/9) makes that transaction fail, and ingest answers from
/// this row: the stored document when the content is the same (<see cref="Fingerprint"/>), a refusal when it differs.
/// </summary>
public sealed class NumberRecord : ITableEntity
{
    /// <summary>Row keys of number rows: after the access keys, "evt|" and "lot|"; before "open|" and "pend|".</summary>
    public const string RowPrefix = "num|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The key the number is stored under.</summary>
    public string chNFe { get; set; } = "";

    /// <summary>The document's content without the fields a contingency re-key changes (<c>DocumentFingerprint</c>).</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The row of the key's number (model, series and number from the key; the partition already holds tenant, emitter and month).</summary>
    public static string RowFor(AccessKey key, int tpAmb) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RowPrefix}{tpAmb}|{key.Value[20..34]}");

    public static NumberRecord For(DocumentRecord doc, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new() { PartitionKey = doc.PartitionKey, RowKey = RowFor(doc.Key, doc.tpAmb), chNFe = doc.RowKey, Fingerprint = fingerprint };
    }
}
