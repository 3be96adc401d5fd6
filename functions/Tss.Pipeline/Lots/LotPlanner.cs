using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Lots;

/// <summary>
/// Cuts the pending documents of one entity/model/environment/endpoint into lots: at most 50 NF-e and at most
/// 500 KB per enviNFe message (SEFAZ answers 214 above it). A caller's sync request, NFC-e, and any lot that ends up
/// with a single NF-e go with indSinc=1 — since NT 2025.001 an asynchronous lot of one NF-e is refused (452).
/// </summary>
public static class LotPlanner
{
    public const int MaxDocuments = 50;

    /// <summary>SEFAZ's message limit is 500 KB; the envelope and enviNFe wrapper take the margin.</summary>
    public const int MaxMessageBytes = 500 * 1024;

    public const int EnvelopeOverheadBytes = 1024;

    public static IReadOnlyList<PlannedLot> Plan(IEnumerable<PendingDocument> pending)
    {
        var lots = new List<PlannedLot>();
        var current = new List<AccessKey>();
        var bytes = EnvelopeOverheadBytes;
        foreach (var doc in pending)
        {
            if (doc.SyncRequested || doc.mod == 65 || doc.SignedBytes + EnvelopeOverheadBytes > MaxMessageBytes)
            {
                // Alone in its lot; an oversized document is sent anyway and SEFAZ's 214 is its (correctable) answer.
                lots.Add(new PlannedLot([doc.Key], indSinc: true));
                continue;
            }
            if (current.Count == MaxDocuments || bytes + doc.SignedBytes > MaxMessageBytes)
            {
                lots.Add(Close(current));
                current = [];
                bytes = EnvelopeOverheadBytes;
            }
            current.Add(doc.Key);
            bytes += doc.SignedBytes;
        }
        if (current.Count > 0)
        {
            lots.Add(Close(current));
        }
        return lots;
    }

    private static PlannedLot Close(List<AccessKey> keys) => new(keys, indSinc: keys.Count == 1);
}
