using System.Globalization;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>The e-mail of one authorized or denied NF-e (Brazilian Portuguese), with its procNFe attached byte for byte.</summary>
internal static class MailComposer
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3); // no daylight saving since 2019

    /// <summary>Recipients of a target ("a@x.com", or several separated by ',' or ';'); null when none is valid.</summary>
    public static InternetAddressList? ParseRecipients(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var list = new InternetAddressList();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            if (!MailboxAddress.TryParse(part, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            {
                return null;
            }
            list.Add(address);
        }
        return list.Count == 0 ? null : list;
    }

    public static string AttachmentName(string chNFe) => $"{chNFe}-procNFe.xml";

    public static string DanfeName(string chNFe) => $"DANFE-{chNFe}.pdf";

    /// <param name="danfe">The DANFE PDF to attach beside the XML, or null (denied, or it could not be rendered).</param>
    public static MimeMessage Compose(DocumentRecord doc, byte[] procNFe, InternetAddressList to, SmtpOptions smtp, string deliveryId, byte[]? danfe = null)
    {
        var chNFe = doc.RowKey;
        var authorized = doc.StatusValue == DocumentStatus.Authorized;
        var nNF = long.Parse(chNFe.AsSpan(25, 9), CultureInfo.InvariantCulture);
        var serie = int.Parse(chNFe.AsSpan(22, 3), CultureInfo.InvariantCulture);
        var modelo = doc.mod == 65 ? "NFC-e" : "NF-e";
        var from = MailboxAddress.Parse(smtp.From!);
        from.Name = smtp.FromName;

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.AddRange(to);
        message.MessageId = $"{deliveryId}.{chNFe}@{from.Domain}"; // stable: receivers can drop a resent copy
        message.Subject = authorized
            ? $"{modelo} nº {nNF} série {serie} autorizada – chave {chNFe}"
            : $"{modelo} nº {nNF} série {serie} com uso denegado – chave {chNFe}";

        var body = new BodyBuilder { TextBody = Body(doc, modelo, nNF, serie, authorized, danfe is not null) };
        var attachment = new MimePart("application", "xml")
        {
            Content = new MimeContent(new MemoryStream(procNFe, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64, // bytes travel unchanged
            FileName = AttachmentName(chNFe),
        };
        body.Attachments.Add(attachment);
        if (danfe is not null)
        {
            body.Attachments.Add(new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream(danfe, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = DanfeName(chNFe),
            });
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Body(DocumentRecord doc, string modelo, long nNF, int serie, bool authorized, bool withDanfe)
    {
        var chNFe = doc.RowKey;
        var cnpj = doc.Cnpj.Length == 14
            ? $"{doc.Cnpj[..2]}.{doc.Cnpj[2..5]}.{doc.Cnpj[5..8]}/{doc.Cnpj[8..12]}-{doc.Cnpj[12..]}"
            : doc.Cnpj;
        var when = doc.dhRecbto is { } dh ? dh.ToOffset(Brasilia).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (horário de Brasília)" : "-";
        var ambiente = doc.tpAmb == 1 ? "Produção" : "Homologação (sem valor fiscal)";
        var what = authorized
            ? "foi autorizada pela SEFAZ"
            : "teve o uso denegado pela SEFAZ. O número da nota foi consumido e não pode ser reutilizado";
        var attached = authorized
            ? $"O XML da nota autorizada (procNFe) segue em anexo ({AttachmentName(chNFe)}). Guarde-o: a legislação exige a guarda do arquivo XML pelo emitente e pelo destinatário."
                + (withDanfe ? $" O DANFE em PDF também segue em anexo ({DanfeName(chNFe)})." : string.Empty)
            : $"O XML com o protocolo de denegação segue em anexo ({AttachmentName(chNFe)}).";
        return $"""
            Olá,

            A {modelo} nº {nNF}, série {serie}, emitida pelo CNPJ {cnpj}, {what}.

            Chave de acesso: {chNFe}
            Protocolo: {doc.nProt ?? "-"}
            Data e hora do recebimento: {when}
            Situação: {doc.cStat} – {doc.xMotivo}
            Ambiente: {ambiente}

            {attached}

            Esta é uma mensagem automática do TSS Functions; não é necessário respondê-la.
            """;
    }
}
