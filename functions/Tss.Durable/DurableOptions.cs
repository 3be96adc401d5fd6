using System.ComponentModel.DataAnnotations;

namespace Tss.Durable;

/// <summary>
/// The local Durable engine (configuration section <c>Durable</c>): task hub, partitions, polling and lease timings of
/// DurableTask.AzureStorage, concurrency, shutdown bound and the history purge. Checked when the host starts.
/// </summary>
public sealed class DurableOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Durable";

    /// <summary>
    /// Task hub name: prefix of the backend's queues, tables and lease container. Azure rules: 3–45 characters, letters
    /// and digits only, starting with a letter. Hosts on the same storage account share work only on the same hub.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$",
        ErrorMessage = "Durable:TaskHub must be 3–45 letters or digits starting with a letter (Azure task hub name rules).")]
    public string TaskHub { get; set; } = "tss";

    /// <summary>Control-queue partitions (1 locally: Azurite is one Node thread and more partitions only add polling).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 1;

    /// <summary>How long a stop may take in total (worker, sidecar, backend); SIGTERM must end the host within 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest idle back-off of the queue polling (the backend's 30 s default makes timers and activities late when idle).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an activity message stays invisible while held; work of a killed process reappears after it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a control-queue (orchestration) message stays invisible while held.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Activities running at once in this host (activities mostly wait on I/O: SEFAZ, storage).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>Orchestration episodes replaying at once in this host (short CPU bursts).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>Completed, failed and terminated instances older than this (by creation time) lose their history.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan PurgeCompletedAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the background purge runs; zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
