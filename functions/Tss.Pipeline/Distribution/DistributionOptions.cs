using System.ComponentModel.DataAnnotations;

namespace Tss.Pipeline.Distribution;

/// <summary>Options of the distribution stage (section "Distribution"): delivery log, retry schedule, webhook limits.</summary>
public sealed class DistributionOptions
{
    public const string Section = "Distribution";

    /// <summary>Table of the delivery log (one row per delivery and target).</summary>
    [Required] public string DeliveriesTable { get; set; } = "deliveries";

    /// <summary>
    /// Waits between attempts (pipeline clock): after attempt n fails, attempt n+1 is due after the n-th entry; when
    /// the list runs out the delivery is given up. Empty or unset = 30 s, 2 min, 10 min, 1 h, 6 h (six attempts).
    /// </summary>
    public IList<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>Whole-request timeout of one webhook call (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TCP/TLS connect timeout of a webhook call (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan WebhookConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes of a webhook response body read at most (the rest is discarded; the log keeps an excerpt).</summary>
    [Range(0, 65536)]
    public int WebhookMaxResponseBytes { get; set; } = 1024;

    /// <summary>Allow plain-http webhook URLs to any host (never in production: the payload is not secret, the
    /// signature is replayable within its timestamp window). Loopback http is allowed with <see cref="AllowLoopback"/>.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allow webhooks to loopback addresses (local runs and tests).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow webhooks to private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) — a tenant
    /// could otherwise probe the host's network. Link-local (cloud metadata), multicast and unspecified addresses
    /// are refused always.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Public base URL of the host's API; with it the webhook carries an absolute link to the XML.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Path of the procNFe download on the host's API ("{cnpj}" and "{chNFe}" are replaced).</summary>
    [Required] public string ProcNFePathTemplate { get; set; } = "/api/v1/entities/{cnpj}/nfe/{chNFe}/procnfe";

    /// <summary>Blob downloads running at once while preparing e-mails.</summary>
    [Range(1, 32)]
    public int MailDownloadConcurrency { get; set; } = 4;

    /// <summary>The schedule in effect (<see cref="RetrySchedule"/> or the default).</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule =>
        RetrySchedule.Count > 0 ? [.. RetrySchedule] : DefaultRetrySchedule;

    /// <summary>30 s, 2 min, 10 min, 1 h, 6 h.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetrySchedule { get; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];
}
