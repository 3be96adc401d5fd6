using System.Globalization;
using MimeKit;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Events;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>The e-mail of one registered event (Brazilian Portuguese), with its procEventoNFe attached byte for byte.</summary>
internal static class EventMailComposer
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    public static string AttachmentName(EventRecord e) => string.Create(CultureInfo.InvariantCulture, $"{e.chNFe}-{e.tpEvento}-{e.nSeqEvento:00}-procEventoNFe.xml");

    public static MimeMessage Compose(EventRecord e, byte[] procEventoNFe, InternetAddressList to, SmtpOptions smtp, string deliveryId)
    {
        var cancel = e.tpEvento == NfeRequests.TpEventoCancelamento;
        var nNF = long.Parse(e.chNFe.AsSpan(25, 9), CultureInfo.InvariantCulture);
        var serie = int.Parse(e.chNFe.AsSpan(22, 3), CultureInfo.InvariantCulture);
        var modelo = e.mod == 65 ? "NFC-e" : "NF-e";
        var from = MailboxAddress.Parse(smtp.From!);
        from.Name = smtp.FromName;
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.AddRange(to);
        message.MessageId = $"{deliveryId}.{e.chNFe}.{e.tpEvento}.{e.nSeqEvento}@{from.Domain}";
        message.Subject = cancel
            ? $"{modelo} nº {nNF} série {serie} cancelada – chave {e.chNFe}"
            : $"Carta de correção nº {e.nSeqEvento} da {modelo} nº {nNF} série {serie} – chave {e.chNFe}";
        var when = e.dhRegEvento is { } dh ? dh.ToOffset(Brasilia).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (horário de Brasília)" : "-";
        var what = cancel ? "teve o cancelamento homologado pela SEFAZ" : $"recebeu a carta de correção nº {e.nSeqEvento}, registrada pela SEFAZ";
        var body = new BodyBuilder
        {
            TextBody = $"""
                Olá,

                A {modelo} nº {nNF}, série {serie}, {what}.

                Chave de acesso: {e.chNFe}
                Protocolo do evento: {e.nProt ?? "-"}
                Data e hora do registro: {when}
                Situação: {e.cStat} – {e.xMotivo}

                O XML do evento (procEventoNFe) segue em anexo ({AttachmentName(e)}); guarde-o junto com o XML da nota.

                Esta é uma mensagem automática do TSS Functions; não é necessário respondê-la.
                """,
        };
        body.Attachments.Add(new MimePart("application", "xml")
        {
            Content = new MimeContent(new MemoryStream(procEventoNFe, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = AttachmentName(e),
        });
        message.Body = body.ToMessageBody();
        return message;
    }
}
