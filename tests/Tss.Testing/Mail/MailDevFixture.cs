using System.Net.Http.Json;
using System.Text.Json;
using Tss.DevTools.Local;
using Xunit;

namespace Tss.Testing.Mail;

/// <summary>
/// A real MailDev SMTP server (<see cref="MailDevServer"/>, 3.0.0) on free loopback ports, keeping mail in a fresh
/// temporary directory; killed on dispose. What it received is read through its REST API
/// (<c>GET /api/email</c>, attachments by their generated file name).
/// </summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private MailDevServer? maildev;
    private HttpClient? http;

    /// <summary>SMTP port (plain SMTP, no authentication) on 127.0.0.1.</summary>
    public int SmtpPort { get; private set; }

    /// <summary>Base address of the web/REST API.</summary>
    public Uri WebUri { get; private set; } = new("http://127.0.0.1/");

    private HttpClient Http => http ?? throw new InvalidOperationException("MailDev is not started.");

    public async ValueTask InitializeAsync()
    {
        maildev = await MailDevServer.StartAsync().ConfigureAwait(false);
        SmtpPort = maildev.SmtpPort;
        WebUri = maildev.WebUri;
        http = new HttpClient { BaseAddress = WebUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every e-mail received so far, in arrival order.</summary>
    public async Task<IReadOnlyList<MailDevEmail>> GetEmailsAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<List<MailDevEmail>>("api/email", Json, ct).ConfigureAwait(false) ?? [];

    /// <summary>Polls until at least <paramref name="count"/> e-mails arrived (or <paramref name="timeout"/> passes) and returns them all.</summary>
    public async Task<IReadOnlyList<MailDevEmail>> WaitForEmailsAsync(int count, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await GetEmailsAsync(ct).ConfigureAwait(false);
            if (emails.Count >= count || DateTime.UtcNow > deadline)
            {
                return emails;
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The bytes of an attachment as MailDev decoded them.</summary>
    public Task<byte[]> GetAttachmentAsync(MailDevEmail email, MailDevAttachment attachment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(attachment);
        return Http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(email.Id)}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}", ct);
    }

    /// <summary>The raw message (.eml) as received.</summary>
    public Task<byte[]> GetSourceAsync(MailDevEmail email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(email.Id)}/download", ct);
    }

    /// <summary>Deletes every received e-mail.</summary>
    public async Task DeleteAllAsync(CancellationToken ct = default)
    {
        using var response = await Http.DeleteAsync("api/email/all", ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        http = null;
        if (maildev is not null)
        {
            await maildev.DisposeAsync().ConfigureAwait(false);
            maildev = null;
        }
    }
}
