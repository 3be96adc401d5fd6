using System.Globalization;

namespace Tss.DevTools.Chaos;

/// <summary>
/// The host settings a SIGKILLed host needs to resume fast, in one place for <c>./tss chaos</c> and the crash tests:
/// what the dead process held comes back after seconds instead of the production defaults (30 s queue leases, 5-minute
/// Durable work-item leases). Environment-variable form (<c>Section__Key</c>).
/// </summary>
public static class CrashResumeSettings
{
    /// <summary>How long a message or work item held by a killed host stays invisible (real time).</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromSeconds(15);

    /// <summary>The pipeline's queues (their listeners' leases).</summary>
    private static readonly string[] Queues = ["tss-assemble", "tss-events", "tss-distribute"];

    public static Dictionary<string, string?> For()
    {
        var visibility = Visibility.ToString("c", CultureInfo.InvariantCulture);
        var settings = Queues.ToDictionary(q => $"Queues__{q}__VisibilityTimeout", _ => (string?)visibility, StringComparer.Ordinal);
        // Durable work items (activities, orchestration steps) held by the killed process come back as fast.
        settings["Durable__WorkItemQueueVisibilityTimeout"] = visibility;
        settings["Durable__ControlQueueVisibilityTimeout"] = visibility;
        return settings;
    }
}
