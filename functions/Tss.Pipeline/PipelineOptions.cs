using System.ComponentModel.DataAnnotations;
using Tss.Pipeline.Lots;

namespace Tss.Pipeline;

/// <summary>Options of the NF-e pipeline (section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    [Required] public string DocumentsTable { get; set; } = "documents";
    [Required] public string ErpIdsTable { get; set; } = "erpids";
    [Required] public string IdempotencyTable { get; set; } = "idempotency";
    [Required] public string ProcContainer { get; set; } = "procnfe";
    [Required] public string SignedContainer { get; set; } = "signed";
    /// <summary>Rendered DANFE PDFs (a cache: anything in it can be rendered again from the procNFe).</summary>
    [Required] public string DanfeContainer { get; set; } = "danfe";
    [Required] public string AssembleQueue { get; set; } = "tss-assemble";
    [Required] public string DistributeQueue { get; set; } = "tss-distribute";

    /// <summary>How long pending documents gather before a lot smaller than the maximum is cut (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan GatheringWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When a still-pending NFC-e issued off-line raises its alert (webhook "nfce.offline_near_limit"), counted from its
    /// dhEmi on the pipeline clock: 20 h, 4 h before the 24 h limit. Shortened in tests.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "23:59:00")]
    public TimeSpan OfflineAlertAfter { get; set; } = TimeSpan.FromHours(20);

    /// <summary>Maximum documents in one ingest request.</summary>
    [Range(1, 1000)]
    public int MaxDocumentsPerRequest { get; set; } = 500;

    /// <summary>Maximum request body (bytes).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Most documents a request may hold for them to be sent synchronously (indSinc=1) within the request, one after
    /// another: NFC-e, or a single NF-e with sync asked. Larger requests are queued as before; 0 turns this off.
    /// </summary>
    [Range(0, 50)]
    public int MaxSyncDocumentsPerRequest { get; set; } = 10;

    /// <summary>The lot waits on the pipeline clock; production (tpAmb 1) never goes below <see cref="LotPolicy.ProductionMinimum"/>.</summary>
    public LotPolicy Lots { get; set; } = new();
}
