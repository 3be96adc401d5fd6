using System.ComponentModel.DataAnnotations;

namespace Tss.Pipeline.Telemetry;

/// <summary>Pipeline telemetry settings (section "Telemetry").</summary>
public sealed class PipelineTelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How long queue depths are reused before storage is asked again (each read is one transaction per queue).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Telemetry:QueueDepthRefresh must be between 30 seconds and 1 hour.")]
    public TimeSpan QueueDepthRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
