using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// Deterministic ids, so a redelivered message, a retry timer and a duplicate message for the same outcomes all
/// land on the same log rows and carry the same <c>X-Tss-Delivery</c>. The outcome's UpdatedAt is part of the id:
/// a document rejected, corrected and later authorized under the same chNFe is a new delivery.
/// </summary>
internal static class DeliveryIds
{
    public static string ForMessage(string partition, IEnumerable<DocumentRecord> documents)
    {
        var text = new StringBuilder(partition);
        foreach (var d in documents.OrderBy(d => d.RowKey, StringComparer.Ordinal))
        {
            text.Append('\n').Append(Version(d));
        }
        return Hash(text.ToString());
    }

    /// <summary>Id of one document's outcome (the same in every delivery that carries it).</summary>
    public static string ForEvent(DocumentRecord document) => Hash(Version(document));

    private static string Version(DocumentRecord d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.RowKey}|{d.Status}|{d.cStat}|{d.UpdatedAt.UtcTicks}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
