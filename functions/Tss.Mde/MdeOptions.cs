using System.ComponentModel.DataAnnotations;

namespace Tss.Mde;

/// <summary>Settings of MD-e (configuration section <see cref="Section"/>).</summary>
public sealed class MdeOptions
{
    public const string Section = "Mde";

    [Required] public string CursorsTable { get; set; } = "mdecursors";
    [Required] public string DocumentsTable { get; set; } = "mdedocuments";

    /// <summary>Tenants holding each CNPJ and the decisions on their access to the history.</summary>
    [Required] public string SharingTable { get; set; } = "mdesharing";
    [Required] public string DocumentsContainer { get; set; } = "mde-documents";
    [Required] public string NotifyQueue { get; set; } = "mde-notify";
    [Required] public string CienciaQueue { get; set; } = "mde-ciencia";

    /// <summary>How often each company's documents are synchronized (default hourly). Never more often than SEFAZ allows
    /// whatever this says: after a page that reaches maxNSU, a 137 or a 656 the next pass waits for the block's end.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Added to every one-hour wait, so our clock and SEFAZ's never disagree about the hour being over.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BlockMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>consChNFe + consNSU allowed per CNPJ in one hour (NT 2014.002: 20).</summary>
    [Range(1, 20)]
    public int MaxQueriesPerHour { get; set; } = 20;

    /// <summary>Largest decompressed docZip accepted (hostile answers; an NF-e is at most about 1 MB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most distNSU calls in one sync run; a longer backlog continues in the next run, scheduled at once.</summary>
    [Range(1, 100_000)]
    public int MaxCallsPerRun { get; set; } = 2_000;

    /// <summary>How long an on-demand query or a history copy waits (real time) for a running pass of the same CNPJ to
    /// let go of the cursor's in-flight marker before answering busy (409 mde.busy).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a "sync now" through the API waits (real time) for the orchestration's pass to answer before it
    /// answers "Requested" (the pass goes on).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SyncNowWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Real time after which an in-flight marker whose holder stopped renewing it counts as free (the holder died);
    /// renewed on every answer, so longer than one SEFAZ call plus storing its documents.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InFlightTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SEFAZ's hour (the wait after 137, after ultNSU == maxNSU, after 656 and the window of the 20 queries). Tests
    /// shorten it; produção (tpAmb 1) never waits less than one hour whatever this says (<see cref="Cursors.ConsumptionPolicy.HourFor"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConsumptionHour { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Registers ciência (210210) for every resNFe received, so the full nfeProc becomes available.</summary>
    public bool AutoCiencia { get; set; }

    /// <summary>Companies with automatic ciência even when <see cref="AutoCiencia"/> is off.</summary>
    public IList<string> AutoCienciaCnpjs { get; set; } = [];

    /// <summary>Rows per table transaction when storing an answer's documents (≤ 100; ≤ 50 for one answer).</summary>
    [Range(1, 50)]
    public int StoreChunkSize { get; set; } = 50;

    /// <summary>True when ciência is automatic for <paramref name="cnpj"/>.</summary>
    public bool AutoCienciaFor(string cnpj) => AutoCiencia || AutoCienciaCnpjs.Contains(cnpj, StringComparer.Ordinal);
}
