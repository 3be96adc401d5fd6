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

    /// <summary>Wait before sending again after a transport failure or a lot-level "try later" (108, 109, 999), and
    /// before asking again when a reconciliation could not consult SEFAZ. Production never waits less than
    /// <see cref="EventPolicy.ProductionMinimum"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consumo indevido (656): nothing is sent for this long (one hour at least in production).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ConsumptionBlock { get; set; } = TimeSpan.FromHours(1);
}
