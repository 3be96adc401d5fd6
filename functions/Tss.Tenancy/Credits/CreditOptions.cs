using System.ComponentModel.DataAnnotations;

namespace Tss.Tenancy.Credits;

/// <summary>On-demand licence credits (section "Credits").</summary>
public sealed class CreditOptions
{
    public const string Section = "Credits";

    /// <summary>Queue of the low-balance e-mails (fixed: its listener is registered with the tenant store).</summary>
    public const string NotifyQueue = "tss-credits-notify";

    /// <summary>
    /// When true, each document sent to SEFAZ debits one credit and documents wait while the tenant has none; when false
    /// (deployments that do not sell credits) nothing is debited. Balances, top-ups and the ledger work either way.
    /// </summary>
    public bool Enabled { get; set; }

    [Required] public string Table { get; set; } = "credits";

    /// <summary>
    /// A low-balance e-mail is also announced by a queue message this much later (real time), written before the debit
    /// that crosses the threshold, so a crash between the debit and the immediate message does not lose the e-mail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NotificationSafetyDelay { get; set; } = TimeSpan.FromMinutes(1);
}
