using Azure;
using Azure.Data.Tables;

namespace Tss.Mde.Sharing;

/// <summary>
/// A tenant holding a company's CNPJ for MD-e (table row PK = "{cnpj}-{tpAmb}", RK = "member-{tenant}"), created the
/// first time MD-e sees that tenant's entity with a certificate of its own. <see cref="FromNsu"/> is where its share of
/// the cursor starts: documents with a higher NSU are stored for it too; older ones (the history) only when
/// <see cref="History"/> says it holds them.
/// </summary>
public sealed class MdeMember : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public int tpAmb { get; set; } = 2;
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>A <see cref="HistoryAccess"/> name.</summary>
    public string History { get; set; } = nameof(HistoryAccess.Pending);

    /// <summary>
    /// The cursor's ultNSU when the holder of the cursor's in-flight marker first stored an answer with this tenant known (0 for the
    /// owner); null until then. Set once, holding the in-flight marker, so no answer falls between "history" and "shared".
    /// </summary>
    public long? FromNsu { get; set; }

    /// <summary>"tenant:{id}" or "operator:{name}" for the latest decision, null while pending.</summary>
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>When the history was copied after a grant (null: not yet, or not granted).</summary>
    public DateTimeOffset? HistoryCopiedAt { get; set; }
    public int HistoryCopied { get; set; }

    public HistoryAccess Access => Enum.TryParse<HistoryAccess>(History, out var a) ? a : HistoryAccess.Pending;

    /// <summary>True for the owner and granted tenants: they hold the company's whole history.</summary>
    public bool IsHolder => Access is HistoryAccess.Owner or HistoryAccess.Granted;

    /// <summary>True when a document with <paramref name="nsu"/> fetched by another tenant is stored for this one.</summary>
    public bool Receives(long nsu) => IsHolder || (FromNsu is { } from && nsu > from);

    public static string PartitionFor(string cnpj, int tpAmb) => $"{cnpj}-{tpAmb}";

    public static string RowKeyFor(string tenantId) => "member-" + tenantId;
}
