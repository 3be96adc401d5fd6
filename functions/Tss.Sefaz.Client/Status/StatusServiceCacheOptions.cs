using System.ComponentModel.DataAnnotations;

namespace Tss.Sefaz.Client.Status;

/// <summary>Settings of the NFeStatusServico4 cache (configuration section <see cref="Section"/>).</summary>
public sealed class StatusServiceCacheOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Sefaz:StatusCache";

    /// <summary>Least time between two asks of one authorizer. SEFAZ's rule is 3 minutes; only longer is allowed.</summary>
    [Range(typeof(TimeSpan), "00:03:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a caller waits for another instance's pending ask before it settles for the last known answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan PendingWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting caller re-reads the shared record.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
