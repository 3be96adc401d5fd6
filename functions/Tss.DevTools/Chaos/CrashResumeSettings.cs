using System.Globalization;

namespace Tss.DevTools.Chaos;

/// <summary>
/// The host settings a SIGKILLed host needs to resume fast, in one place for <c>./tss chaos</c> and the crash tests:
/// what the dead process held comes back after seconds instead of the production defaults (30 s queue leases, a
/// 3-minute send lease). Environment-variable form (<c>Section__Key</c>).
/// </summary>
public static class CrashResumeSettings
{
    /// <summary>How long a message or work item held by a killed host stays invisible (real time).</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromSeconds(15);

    /// <summary>The pipeline's queues (their listeners' leases).</summary>
    private static readonly string[] Queues = ["tss-assemble", "tss-send", "tss-timers", "tss-distribute"];

    /// <param name="clockScale">The pipeline clock's scale (the send lease is on that clock).</param>
    public static Dictionary<string, string?> For(double clockScale)
    {
        var visibility = Visibility.ToString("c", CultureInfo.InvariantCulture);
        var settings = Queues.ToDictionary(q => $"Queues__{q}__VisibilityTimeout", _ => (string?)visibility, StringComparer.Ordinal);
        // A lot seen mid-send for longer than this is treated as interrupted: the same 15 s of real time.
        settings["Pipeline__SendLease"] = TimeSpan.FromSeconds(Visibility.TotalSeconds * clockScale).ToString("c", CultureInfo.InvariantCulture);
        // DURABLE ENGINE — the lead adds here, when the engine lands, the leases of Durable's own queues:
        //   settings["Durable__WorkItemQueueVisibilityTimeout"] = visibility;
        //   settings["Durable__ControlQueueVisibilityTimeout"] = visibility;
        return settings;
    }
}
