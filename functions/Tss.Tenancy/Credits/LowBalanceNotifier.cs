using Azure;
using Azure.Data.Tables;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Delivery;
using Tss.Runtime.Queues;
using Tss.Tenancy.Credits.Internal;

namespace Tss.Tenancy.Credits;

/// <summary>
/// Sends a tenant's pending low-balance e-mails (rows written by the debit that crossed the threshold), then deletes
/// each row. Idempotent: a message that finds no row does nothing, so the delayed safety message and the immediate one
/// send one e-mail. An SMTP failure throws, and the queue retries.
/// </summary>
public sealed class LowBalanceNotifier(
    TableServiceClient tables,
    IOptions<SmtpOptions> smtp,
    IOptions<CreditOptions> options,
    ILogger<LowBalanceNotifier> logger) : IQueueHandler<LowBalanceMessage>
{
    public Task HandleAsync(LowBalanceMessage message, QueueMessageContext context, CancellationToken ct) => SendPendingAsync(message, ct);

    /// <summary>Sends what is pending for the message's tenant; returns how many e-mails went out.</summary>
    public async Task<int> SendPendingAsync(LowBalanceMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = tables.GetTableClient(options.Value.Table);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {message.TenantId} and RowKey ge {CreditRows.NotifyPrefix} and RowKey lt {"notify}"}");
        var pending = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            pending.Add(row);
        }
        var sent = 0;
        foreach (var row in pending)
        {
            if (smtp.Value.Enabled)
            {
                await SendAsync(message.TenantId, row, ct).ConfigureAwait(false);
                sent++;
                Log.LowBalanceMailed(logger, message.TenantId);
            }
            else
            {
                Log.LowBalanceMailDisabled(logger, message.TenantId);
            }
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Sent and deleted by a concurrent delivery of the other message.
            }
        }
        return sent;
    }

    private async Task SendAsync(string tenantId, TableEntity row, CancellationToken ct)
    {
        var o = smtp.Value;
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            }, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password ?? "", ct).ConfigureAwait(false);
            }
            await client.SendAsync(LowBalanceMail.Compose(tenantId, row, o), ct).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            Log.LowBalanceMailFailed(logger, tenantId, e.GetType().Name);
            throw;
        }
    }
}
