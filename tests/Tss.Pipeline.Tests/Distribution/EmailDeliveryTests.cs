using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Documents;
using Tss.Testing.Azurite;
using Tss.Testing.Mail;
using Tss.Testing.Webhooks;

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
    public async Task Authorized_nfe_is_mailed_with_its_danfe_pdf_beside_the_xml()
    {
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);
        var doc = docs[0];
        // A real procNFe with the seeded key (the stub the harness stores has nothing a DANFE prints).
        var nNF = int.Parse(doc.RowKey.AsSpan(25, 9), System.Globalization.CultureInfo.InvariantCulture);
        var proc = Tss.DevTools.Samples.SampleProcNFe.Create(new Tss.DevTools.Samples.SampleProcNFeOptions
        {
            Nfe = new Tss.DevTools.Samples.SampleNfeOptions
            {
                EmitCnpj = DistributionHarness.Cnpj,
                nNF = nNF,
                cNF = 12345678,
                dhEmi = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(-3)),
            },
        });
        Assert.Contains($"NFe{doc.RowKey}", proc, StringComparison.Ordinal);
        await _h.Storage.GetContainer(_h.Pipeline.ProcContainer).GetBlobClient(doc.ProcBlob).UploadAsync(BinaryData.FromString(proc), overwrite: true, Ct);

        await _h.HandleAsync(message);

        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10), Ct));
        Assert.Equal([$"{doc.RowKey}-procNFe.xml", $"DANFE-{doc.RowKey}.pdf"], email.Attachments!.Select(a => a.FileName));
        var pdf = await maildev.GetAttachmentAsync(email, email.Attachments![1], Ct);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains("O DANFE em PDF também segue em anexo", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Danfe_that_cannot_be_rendered_does_not_hold_back_the_xml_mail()
    {
        // The harness's procNFe is a stub without ide/emit: the renderer refuses it, the XML still goes, delivered.
        var (message, docs) = await _h.SeedAsync(DocumentStatus.Authorized);

        await _h.HandleAsync(message);

        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10), Ct));
        Assert.Equal($"{docs[0].RowKey}-procNFe.xml", Assert.Single(email.Attachments!).FileName);
        Assert.DoesNotContain("DANFE", email.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await _h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct));
        Assert.Equal(DeliveryState.Succeeded, entry.State);
    }

    [Fact]
    public async Task Retry_after_a_webhook_failure_does_not_mail_again()
    {
        // The retry runs in the delivery orchestration, on a clock 600 times fast (its 30 s timer lasts 50 ms).
        await using var h = await DistributionHarness.StartAsync(azurite, new Tss.Protocol.Time.ScaledTimeProvider(DateTimeOffset.UtcNow, 600), maildev.SmtpPort);
        await using var receiver = await WebhookReceiver.StartAsync("k");
        receiver.FailNext(1);
        h.Targets.Targets = new DistributionTargets(receiver.Url, receiver.Secret, Recipient);
        var (message, docs) = await h.SeedAsync(DocumentStatus.Authorized, DocumentStatus.Authorized);

        await h.HandleAsync(message);
        Assert.Equal(2, (await maildev.WaitForEmailsAsync(2, TimeSpan.FromSeconds(10), Ct)).Count);
        await h.WaitFinishedAsync(docs[0].RowKey); // the webhook's retry: webhook again, e-mails already succeeded
        await h.HandleAsync(message); // and a redelivered copy of the message: nothing

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(2, (await maildev.GetEmailsAsync(Ct)).Count);
        var entries = await h.Log.ForDocumentAsync(DistributionHarness.TenantId, docs[0].RowKey, Ct);
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
        Assert.NotNull(await h.RetriesAsync(entry)); // the e-mail channel's own retries
        Assert.Equal(0, await h.QueuedAsync());
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
