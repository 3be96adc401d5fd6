namespace Tss.DevTools.Chaos;

/// <summary>
/// The checks of a chaos run and of the crash tests, from what the outside world saw: SEFAZ's exchange log, the
/// credits ledger and the webhook receiver. Pure: the callers read the records.
/// </summary>
public static class ChaosAudit
{
    /// <summary>cStat of a lot SEFAZ took in (103 queued, 104 processed synchronously): its documents entered the base.</summary>
    private static readonly HashSet<int> LotAccepted = [103, 104];

    /// <summary>
    /// Keys sent to SEFAZ again (enviNFe) after a lot carrying them was taken in, with no NFeConsultaProtocolo
    /// (consSitNFe) for the key in between: a resend without first asking SEFAZ what it did with the first one.
    /// A send SEFAZ did not take in (lot-level rejection, transport fault before processing) may be repeated freely.
    /// </summary>
    public static int BlindResends(IEnumerable<SefazExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var takenIn = new HashSet<string>(StringComparer.Ordinal); // sent and taken in, not consulted since
        var blind = 0;
        foreach (var e in exchanges.OrderBy(e => e.Id))
        {
            switch (e.PayloadRoot)
            {
                case "enviNFe":
                    var accepted = e.cStat.Count > 0 && LotAccepted.Contains(e.cStat[0]);
                    foreach (var key in e.chNFe)
                    {
                        if (takenIn.Contains(key))
                        {
                            blind++;
                        }
                        if (accepted)
                        {
                            takenIn.Add(key);
                        }
                    }
                    break;
                case "consSitNFe":
                    foreach (var key in e.chNFe)
                    {
                        takenIn.Remove(key);
                    }
                    break;
                default:
                    break;
            }
        }
        return blind;
    }

    /// <summary>
    /// Documents debited more than once: ledger debit references are "{chNFe}:{digest}", one per (document, send);
    /// a document with two debit lines (under one reference or two) was charged twice.
    /// </summary>
    public static int DoubleDebits(IEnumerable<string> debitReferences)
    {
        ArgumentNullException.ThrowIfNull(debitReferences);
        return debitReferences
            .GroupBy(r => r.Split(':')[0], StringComparer.Ordinal)
            .Count(g => g.Count() > 1);
    }

    /// <summary>
    /// Webhook deliveries seen by a receiver that deduplicates on the delivery id (as the webhook contract asks).
    /// Duplicates = documents that arrived in more than one distinct delivery id (the receiver would process them
    /// twice); Redeliveries = bodies received again under an id already received (absorbed by the dedup — at-least-once
    /// delivery makes them unavoidable when a crash falls between the POST and the delivery log).
    /// </summary>
    public static DeliveryCounts Deliveries(IEnumerable<WebhookReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var list = receipts.ToList();
        var ids = list.Select(r => r.DeliveryId).Distinct(StringComparer.Ordinal).Count();
        var byDocument = list
            .SelectMany(r => r.Documents.Select(d => (d.chNFe, r.DeliveryId)))
            .Distinct()
            .GroupBy(x => x.chNFe, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DeliveryCounts(byDocument.Count(x => x.Value > 1), list.Count - ids, byDocument.Keys.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>What the webhook receiver saw.</summary>
/// <param name="Duplicates">Documents delivered under more than one delivery id.</param>
/// <param name="Redeliveries">Bodies received again under a delivery id already received.</param>
/// <param name="Delivered">Every document received at least once.</param>
public sealed record DeliveryCounts(int Duplicates, int Redeliveries, IReadOnlySet<string> Delivered);
