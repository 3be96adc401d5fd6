using System.Globalization;
using Azure.Data.Tables;
using MimeKit;
using Tss.Contracts.Delivery;

namespace Tss.Tenancy.Credits.Internal;

/// <summary>The low-balance e-mail of the "Central de Notificações" (Brazilian Portuguese): contracted, used and balance.</summary>
internal static class LowBalanceMail
{
    private static readonly NumberFormatInfo Brazil = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    public static MimeMessage Compose(string tenantId, TableEntity row, SmtpOptions smtp)
    {
        var from = MailboxAddress.Parse(smtp.From!);
        from.Name = smtp.FromName;
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(row.GetString("Email")!));
        // Stable per crossing: a copy resent after a crash carries the same id, so mail clients can drop it.
        message.MessageId = $"{row.RowKey.Replace('|', '.')}.{tenantId}@{from.Domain}";
        var balance = row.GetInt64("Balance") ?? 0;
        message.Subject = $"Aviso de saldo baixo de créditos: {N(balance)} restantes";
        var crossedAt = (row.GetDateTimeOffset("CrossedAt") ?? DateTimeOffset.UnixEpoch).ToOffset(Brasilia);
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Central de Notificações – TSS Functions

                O saldo de créditos do cliente {tenantId} ficou abaixo do limite de aviso de {N(row.GetInt64("Threshold") ?? 0)} créditos em {crossedAt:dd/MM/yyyy HH:mm} (horário de Brasília).

                Contratado: {N(row.GetInt64("Contracted") ?? 0)}
                Utilizado:  {N(row.GetInt64("Used") ?? 0)}
                Saldo:      {N(balance)}

                Cada documento transmitido à SEFAZ consome um crédito. Quando o saldo acabar, os documentos novos ficam
                aguardando créditos (nenhum é perdido) e seguem automaticamente assim que houver recarga.

                Esta é uma mensagem automática; não responda.
                """,
        };
        return message;
    }

    private static string N(long value) => value.ToString("#,0", Brazil);
}
