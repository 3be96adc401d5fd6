using System.ComponentModel.DataAnnotations;

namespace Tss.Sefaz.Client;

/// <summary>Options bound from the "Sefaz" configuration section.</summary>
public sealed class SefazClientOptions
{
    public const string Section = "Sefaz";

    /// <summary>When set, every service is called at "{BaseUrlOverride}/{ServiceName}" (e.g. the simulator).</summary>
    public Uri? BaseUrlOverride { get; set; }

    /// <summary>PEM/DER file of an extra trust anchor for SEFAZ server certificates only (the simulator's test CA). The
    /// anchors of <c>Certificates:TrustAnchors</c> (the ICP-Brasil roots, which most authorizers' certificates chain to)
    /// are always used as well.</summary>
    public string? TrustAnchorPath { get; set; }

    /// <summary>
    /// Also accept server certificates the operating system trusts (default true: a few authorizers serve publicly trusted
    /// certificates rather than ICP-Brasil ones). The host name is checked either way.
    /// </summary>
    public bool TrustSystemRoots { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
}
