using System.ComponentModel.DataAnnotations;

namespace Tss.Contracts.Delivery;

/// <summary>
/// The SMTP server that sends the XML by e-mail (section "Smtp"). E-mail is off while <see cref="Host"/> is empty.
/// The password is never logged nor stored anywhere else.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP host; empty disables e-mail delivery.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sender address (required when <see cref="Host"/> is set).</summary>
    public string? From { get; set; }

    /// <summary>Sender display name.</summary>
    public string FromName { get; set; } = "TSS Functions";

    /// <summary>User name for SMTP AUTH; empty = no authentication.</summary>
    public string? User { get; set; }

    /// <summary>Password for SMTP AUTH (a secret: comes from Key Vault or the environment, never from the repo).</summary>
    public string? Password { get; set; }

    /// <summary>Timeout of each SMTP command (real time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when e-mail delivery is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Everything but the password, for diagnostics.</summary>
    public override string ToString() => $"{Host}:{Port} ({Security}) from {From}{(string.IsNullOrEmpty(User) ? "" : " as " + User)}";
}
