using System.Text;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Distribution.Internal;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Tests.Distribution;

public class MailComposerTests
{
    private const string ChNFe = "35261111222333000181550010000012341123456780";
    private static readonly SmtpOptions Smtp = new() { Host = "smtp.example.com", From = "nfe@tss.example.com", FromName = "Notas Fiscais" };

    private static DocumentRecord Doc(DocumentStatus status) => new()
    {
        RowKey = ChNFe,
        Cnpj = "11222333000181",
        mod = 55,
        tpAmb = 1,
        Status = status.ToString(),
        cStat = status == DocumentStatus.Authorized ? 100 : 301,
        xMotivo = status == DocumentStatus.Authorized ? "Autorizado o uso da NF-e" : "Uso Denegado: Irregularidade fiscal do emitente",
        nProt = "135260000012345",
        dhRecbto = new DateTimeOffset(2026, 11, 23, 10, 0, 5, TimeSpan.FromHours(-3)),
    };

    [Fact]
    public void Authorized_document_mail_is_in_portuguese_with_the_xml_attached_unchanged()
    {
        var xml = Encoding.UTF8.GetBytes("<nfeProc>São Paulo\r\n</nfeProc>");

        var message = MailComposer.Compose(Doc(DocumentStatus.Authorized), xml, MailComposer.ParseRecipients("a@x.com; b@y.com")!, Smtp, "d1");

        Assert.Equal($"NF-e nº 1234 série 1 autorizada – chave {ChNFe}", message.Subject);
        Assert.Equal(["a@x.com", "b@y.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Notas Fiscais", message.From.Mailboxes.Single().Name);
        Assert.Equal($"d1.{ChNFe}@tss.example.com", message.MessageId);
        Assert.Contains("Data e hora do recebimento: 23/11/2026 10:00:05 (horário de Brasília)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ambiente: Produção", message.TextBody, StringComparison.Ordinal);
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal($"{ChNFe}-procNFe.xml", part.FileName);
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded, TestContext.Current.CancellationToken);
        Assert.Equal(xml, decoded.ToArray());
    }

    [Fact]
    public void Authorized_document_mail_carries_the_danfe_pdf_beside_the_xml()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 test");

        var message = MailComposer.Compose(Doc(DocumentStatus.Authorized), [1], MailComposer.ParseRecipients("a@x.com")!, Smtp, "d1", pdf);

        var parts = message.Attachments.Cast<MimePart>().ToList();
        Assert.Equal([$"{ChNFe}-procNFe.xml", $"DANFE-{ChNFe}.pdf"], parts.Select(p => p.FileName));
        Assert.Equal("application/pdf", parts[1].ContentType.MimeType);
        Assert.Contains($"O DANFE em PDF também segue em anexo (DANFE-{ChNFe}.pdf)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Denied_document_mail_says_the_number_was_consumed()
    {
        var message = MailComposer.Compose(Doc(DocumentStatus.Denied), [1], MailComposer.ParseRecipients("a@x.com")!, Smtp, "d1");

        Assert.Equal($"NF-e nº 1234 série 1 com uso denegado – chave {ChNFe}", message.Subject);
        Assert.Contains("não pode ser reutilizado", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("a@x.com; nope")]
    public void Invalid_recipient_lists_are_refused(string text) => Assert.Null(MailComposer.ParseRecipients(text));
}
