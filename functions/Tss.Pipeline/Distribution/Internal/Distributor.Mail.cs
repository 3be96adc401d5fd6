using Azure;
using MimeKit;
using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution.Internal;

internal sealed partial class Distributor
{
    /// <summary>
    /// The e-mails due in a pass, over one SMTP session: each item's stored XML is downloaded (in parallel, bounded),
    /// the authorized NF-e get their DANFE beside it, and each result is recorded on the item's log row.
    /// </summary>
    private async Task SendMailsAsync(List<(MailedDeliveryItem Item, DeliveryRecord Row)> due, DeliveryBatch batch, string email, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return;
        }
        var recipients = MailComposer.ParseRecipients(email);
        if (recipients is null)
        {
            Log.InvalidEmail(logger, batch.TenantId, batch.Cnpj);
            foreach (var (_, row) in due)
            {
                Record(row, AttemptResult.Fatal(null, "recipient_invalid", 0), now);
            }
            return;
        }
        var container = blobs.GetBlobContainerClient(_p.ProcContainer);
        var xml = new byte[due.Count][];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = _o.MailDownloadConcurrency, CancellationToken = ct }, async (i, token) =>
        {
            try
            {
                xml[i] = (await container.GetBlobClient(due[i].Item.Blob).DownloadContentAsync(token).ConfigureAwait(false)).Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                xml[i] = [];
            }
        }).ConfigureAwait(false);

        var sendable = Enumerable.Range(0, due.Count).Where(i => xml[i].Length > 0).ToList();
        foreach (var i in Enumerable.Range(0, due.Count).Except(sendable))
        {
            Record(due[i].Row, AttemptResult.Transient(null, due[i].Item.MissingXmlError, 0), now);
        }
        List<MimeMessage> messages = [.. sendable.Select(i =>
            due[i].Item.Compose(xml[i], recipients, mail.Options, batch.DeliveryId, due[i].Item.WantsDanfe ? Danfe(due[i].Item.Key, xml[i]) : null))];
        var results = await mail.SendAsync(messages, ct).ConfigureAwait(false);
        for (var k = 0; k < sendable.Count; k++)
        {
            Record(due[sendable[k]].Row, results[k], now);
        }
    }

    // The DANFE beside the XML: rendered here (no storage transaction); a failure is logged and the XML goes alone.
    private byte[]? Danfe(string chNFe, byte[] procNFe)
    {
        try
        {
            return Tss.Danfe.DanfeRenderer.Render(procNFe);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.DanfeFailed(logger, chNFe, (e as Tss.Danfe.DanfeException)?.Code ?? e.GetType().Name);
            return null;
        }
    }
}
