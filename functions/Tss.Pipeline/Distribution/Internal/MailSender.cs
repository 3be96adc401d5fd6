using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>Sends a batch of e-mails over one SMTP session (MailKit). One result per message; never throws for the server's failures.</summary>
internal sealed class MailSender(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _o = options.Value;

    public bool Enabled => _o.Enabled;

    public SmtpOptions Options => _o;

    public async Task<IReadOnlyList<AttemptResult>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        var results = new AttemptResult[messages.Count];
        if (messages.Count == 0)
        {
            return results;
        }
        using var client = new SmtpClient { Timeout = (int)_o.Timeout.TotalMilliseconds };
        var watch = Stopwatch.StartNew();
        try
        {
            await client.ConnectAsync(_o.Host!, _o.Port, ToMailKit(_o.Security), ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_o.User))
            {
                await client.AuthenticateAsync(_o.User, _o.Password ?? "", ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            var error = "smtp_connect_failed: " + Describe(e);
            Array.Fill(results, AttemptResult.Transient((e as SmtpCommandException)?.StatusCode is { } s ? (int)s : null, error, watch.ElapsedMilliseconds));
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            watch.Restart();
            try
            {
                await client.SendAsync(messages[i], ct).ConfigureAwait(false);
                results[i] = AttemptResult.Ok(250, watch.ElapsedMilliseconds);
            }
            catch (SmtpCommandException e)
            {
                // 5xx for a recipient or the message is final; 4xx (greylisting, mailbox busy) is worth retrying.
                var code = (int)e.StatusCode;
                var error = $"smtp_{code}: {e.ErrorCode}";
                results[i] = code >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted
                    ? AttemptResult.Fatal(code, error, watch.ElapsedMilliseconds)
                    : AttemptResult.Transient(code, error, watch.ElapsedMilliseconds);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or TimeoutException)
            {
                // The session is gone: this message and the rest are retried later.
                for (var j = i; j < messages.Count; j++)
                {
                    results[j] = AttemptResult.Transient(null, "smtp_session_lost: " + Describe(e), watch.ElapsedMilliseconds);
                }
                return results;
            }
        }
        try
        {
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
            // Everything was accepted already; a failed QUIT changes nothing.
        }
        return results;
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static string Describe(Exception e)
    {
        var text = e.Message.ReplaceLineEndings(" ");
        return text.Length > 160 ? text[..160] : text;
    }
}
