using System.ComponentModel.DataAnnotations;

namespace Tss.Sefaz.Client;

/// <summary>Options bound from the "Sefaz" configuration section.</summary>
public sealed class SefazClientOptions
{
    public const string Section = "Sefaz";

    /// <summary>When set, every service is called at "{BaseUrlOverride}/{ServiceName}" (e.g. the simulator).</summary>
    public Uri? BaseUrlOverride { get; set; }

    /// <summary>PEM/DER file of an extra trust anchor for server certificates (the simulator's test CA). When set, a
    /// server certificate chaining to it is accepted in addition to the system store.</summary>
    public string? TrustAnchorPath { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
}
