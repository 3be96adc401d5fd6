using System.ComponentModel.DataAnnotations;

namespace Tss.Pipeline.Events;

/// <summary>Options of the events stage and the inutilização records (section "Pipeline:Events").</summary>
public sealed class EventsOptions
{
    public const string Section = "Pipeline:Events";

    /// <summary>Queue of <see cref="EventMessage"/>.</summary>
    [Required] public string Queue { get; set; } = "tss-events";

    /// <summary>Table of the shared NFeStatusServico4 answers (one row per authorizer, model and environment).</summary>
    [Required] public string StatusTable { get; set; } = "sefazstatus";

    /// <summary>Events sent in one envEvento (SEFAZ's limit is 20).</summary>
    [Range(1, 20)]
    public int MaxPerBatch { get; set; } = 20;

    /// <summary>A batch seen mid-send for longer than this is treated as interrupted (outcome unknown; pipeline clock).
    /// Keep it above the SEFAZ read timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Wait before sending again after a transport failure or a lot-level "try later" (108, 109, 656, 999).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
