using Azure;
using Azure.Data.Tables;

namespace Tss.Mde.Cursors;

/// <summary>
/// The DistDFe cursor of one company, model and environment (table row PK = CNPJ, RK = "{model}-{tpAmb}"), whatever
/// the tenant: SEFAZ keeps one NSU sequence and one set of consumption limits per CNPJ, so every tenant registered
/// with the CNPJ shares it. Updated with ETag compare-and-swap only. <see cref="UltNsu"/> moves only after an
/// answer's documents are stored (for each of those tenants).
/// </summary>
public sealed class MdeCursor : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Cnpj { get; set; } = "";
    public int Model { get; set; } = 55;
    public int tpAmb { get; set; } = 2;

    /// <summary>The tenant whose entity (certificate) the periodic sync uses; replaced when that entity is gone.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The ultNSU SEFAZ returned last (the next distNSU starts here).</summary>
    public long UltNsu { get; set; }

    /// <summary>The maxNSU SEFAZ returned last.</summary>
    public long MaxNsu { get; set; }

    /// <summary>No distNSU before this instant (137, or ultNSU reached maxNSU: one hour).</summary>
    public DateTimeOffset? SyncBlockedUntil { get; set; }

    /// <summary>No request at all before this instant (after a 656: one hour from that answer).</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>Start of the current one-hour window of on-demand queries (consChNFe + consNSU).</summary>
    public DateTimeOffset? QueryWindowStart { get; set; }

    /// <summary>On-demand queries in the current window.</summary>
    public int QueryCount { get; set; }

    public int? LastCStat { get; set; }
    public string? LastXMotivo { get; set; }
    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>When the cursor's orchestration runs its next pass (service clock; informative).</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>
    /// Who is talking to SEFAZ for this cursor right now ("pass:{instance}", "query:{id}", "copy:{id}", "sync:{id}"), or
    /// null: the entity-free compare-and-swap marker that keeps one request stream per CNPJ (see <see cref="InFlight"/>).
    /// </summary>
    public string? InFlightOwner { get; set; }

    /// <summary>Real time after which <see cref="InFlightOwner"/> no longer counts (its holder died); renewed on every answer.</summary>
    public DateTimeOffset? InFlightUntil { get; set; }

    /// <summary>The last "sync now" request a pass answered, with that pass's outcome (the API waits for it).</summary>
    public string? PassRequestId { get; set; }

    public string? PassStatus { get; set; }
    public int PassCalls { get; set; }
    public int PassNew { get; set; }

    /// <summary>Documents received through distNSU (on-demand queries not counted).</summary>
    public long DocumentCount { get; set; }

    public static string RowKeyFor(int model, int tpAmb) => $"{model}-{tpAmb}";
}
