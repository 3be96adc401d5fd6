using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Testing.Azurite;
using Tss.Testing.Mail;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>E-mail delivery through a real MailDev SMTP server, read back through its REST API.</summary>
[Collection(DistributionCollection.Name)]
public sealed class EmailDeliveryTests(AzuriteFixture azurite, MailDevFixture maildev) : IAsyncLifetime
{
    private const string Recipient = "fiscal@cliente.example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero));
    private DistributionHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await maildev.DeleteAllAsync(Ct);
        _h = await DistributionHarness.StartAsync(azurite, _time, maildev.SmtpPort);
        _h.Targets.Targets = new DistributionTargets(null, null, Recipient);
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Each_authorized_or_denied_document_is_mailed_with_its_procNFe_byte_identical()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Rejected, DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        var emails = await maildev.WaitForEmailsAsync(3, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(3, emails.Count); // not the rejected one
        foreach (var doc in docs.Where(d => d.Status != nameof(DocumentStatus.Rejected)))
        {
            var email = Assert.Single(emails, e => e.Subject.EndsWith(doc.RowKey, StringComparison.Ordinal));
            Assert.Equal(Recipient, Assert.Single(email.To).Address);
            Assert.Equal("nfe@tss.example.com", Assert.Single(email.From).Address);
            var attachment = Assert.Single(email.Attachments!);
            Assert.Equal($"{doc.RowKey}-procNFe.xml", attachment.FileName);
            Assert.Equal("application/xml", attachment.ContentType);
            Assert.Equal(await _h.ProcBytesAsync(doc), await maildev.GetAttachmentAsync(email, attachment, Ct));
            var nNF = int.Parse(doc.RowKey.AsSpan(25, 9), System.Globalization.CultureInfo.InvariantCulture);
            if (doc.Status == nameof(DocumentStatus.Authorized))
            {
                Assert.Equal($"NF-e nº {nNF} série 1 autorizada – chave {doc.RowKey}", email.Subject);
                Assert.Contains("foi autorizada pela SEFAZ", email.Text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal($"NF-e nº {nNF} série 1 com uso denegado – chave {doc.RowKey}", email.Subject);
                Assert.Contains("teve o uso denegado pela SEFAZ", email.Text, StringComparison.Ordinal);
            }
            Assert.Contains($"Protocolo: {doc.nProt}", email.Text, StringComparison.Ordinal);
            Assert.Contains("23/11/2026 12:30:00 (horário de Brasília)", email.Text, StringComparison.Ordinal);
            Assert.Contains("Homologação (sem valor fiscal)", email.Text, StringComparison.Ordinal);
            Assert.Contains("CNPJ 11.222.333/0001-81", email.Text, StringComparison.Ordinal);

            // The raw message too: MimeKit parses what MailDev stored and finds the same bytes.
            using var raw = new MemoryStream(await maildev.GetSourceAsync(email, Ct));
            var parsed = await MimeMessage.LoadAsync(raw, Ct);
            var part = Assert.Single(parsed.Attachments.OfType<MimePart>());
            using var decoded = new MemoryStream();
            await part.Content!.DecodeToAsync(decoded, Ct);
            Assert.Equal(await _h.ProcBytesAsync(doc), decoded.ToArray());

            var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, doc.RowKey, Ct));
            Assert.Equal((DeliveryChannel.Email, DeliveryState.Succeeded, Recipient), (entry.Channel, entry.State, entry.Target));
        }
    }

    [Fact]
    public async Task Retry_after_a_webhook_failure_does_not_mail_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync("k");
        receiver.FailNext(1);
        _h.Targets.Targets = new DistributionTargets(receiver.Url, receiver.Secret, Recipient);
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Authorized);

        await _h.HandleAsync(message);
        Assert.Equal(2, (await maildev.WaitForEmailsAsync(2, TimeSpan.FromSeconds(10), Ct)).Count);
        _time.Advance(TimeSpan.FromSeconds(30));
        await _h.HandleAsync(message); // the retry timer: webhook again, e-mails already succeeded
        await _h.HandleAsync(message); // and a redelivered copy of it: nothing

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(2, (await maildev.GetEmailsAsync(Ct)).Count);
        var entries = await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(DeliveryState.Succeeded, e.State));
        Assert.Equal(2, entries.Single(e => e.Channel == DeliveryChannel.Webhook).Attempts.Count);
        Assert.Single(entries.Single(e => e.Channel == DeliveryChannel.Email).Attempts);
    }

    [Fact]
    public async Task Unreachable_smtp_server_is_retried()
    {
        var port = Tss.DevTools.Processes.FreePorts.Allocate();
        await using var h = await DistributionHarness.StartAsync(azurite, _time, port);
        h.Targets.Targets = new DistributionTargets(null, null, Recipient);
        var (message, docs) = await h.SeedAsync(DocumentStatus.Authorized);

        await h.HandleAsync(message);

        var entry = Assert.Single(await h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct));
        Assert.Equal(DeliveryState.Retrying, entry.State);
        Assert.StartsWith("smtp_connect_failed", entry.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, await h.QueuedAsync());
    }

    [Fact]
    public async Task Invalid_recipient_is_given_up_at_once()
    {
        _h.Targets.Targets = new DistributionTargets(null, null, "not an address");
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct));
        Assert.Equal((DeliveryState.GivenUp, "recipient_invalid"), (entry.State, entry.Attempts[0].Error));
        Assert.Empty(await maildev.GetEmailsAsync(Ct));
    }
}
