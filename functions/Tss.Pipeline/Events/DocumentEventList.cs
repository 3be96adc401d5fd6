using System.Text.Json;

namespace Tss.Pipeline.Events;

/// <summary>
/// The compact list of answered events kept on the document (<see cref="Documents.DocumentRecord.Events"/>), so a
/// status read shows them without reading the event rows. One entry per tpEvento + nSeqEvento; the latest answer wins.
/// </summary>
public static class DocumentEventList
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<DocumentEventEntry> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<DocumentEventEntry>>(json, Json) ?? [];

    /// <summary>The list with <paramref name="entry"/> added or replacing the entry of the same event, ordered by type and sequence.</summary>
    public static string Upsert(string? json, DocumentEventEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var list = Parse(json).Where(e => e.tpEvento != entry.tpEvento || e.nSeqEvento != entry.nSeqEvento).Append(entry)
            .OrderBy(e => e.dhRegEvento ?? DateTimeOffset.MaxValue).ThenBy(e => e.tpEvento, StringComparer.Ordinal).ThenBy(e => e.nSeqEvento).ToList();
        return JsonSerializer.Serialize(list, Json);
    }
}

/// <summary>One answered event of a document.</summary>
public sealed record DocumentEventEntry(string tpEvento, int nSeqEvento, string Status, int? cStat, string? nProt, DateTimeOffset? dhRegEvento);
