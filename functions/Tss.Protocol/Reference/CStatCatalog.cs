using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Tss.Protocol.Reactions;

namespace Tss.Protocol.Reference;

/// <summary>
/// The official cStat catalogue: for each code its xMotivo text and the services that can return it (data file
/// Reference/cstat.json embedded in this assembly; texts from the Manual/NT tables as carried by PROTOCOL.md §4, the
/// services from PROTOCOL.md §3–§8). The reactions live in <see cref="CStatTables"/>.
/// </summary>
public static class CStatCatalog
{
    /// <summary>Text returned for a cStat the catalog does not hold (the wording of cStat 999).</summary>
    public const string FallbackText = "Rejeição: Erro não catalogado";

    private const string ResourceName = "Tss.Protocol.Reference.cstat.json";

    private static readonly Lazy<FrozenDictionary<int, Entry>> Entries = new(Load);

    /// <summary>The text for <paramref name="cStat"/>, or "Rejeição: erro não catalogado" style fallback.</summary>
    public static string Text(int cStat) => Entries.Value.TryGetValue(cStat, out var e) ? e.Text : FallbackText;

    /// <summary>The text for <paramref name="cStat"/> when the catalog holds it.</summary>
    public static bool TryGetText(int cStat, out string text)
    {
        if (Entries.Value.TryGetValue(cStat, out var found))
        {
            text = found.Text;
            return true;
        }

        text = FallbackText;
        return false;
    }

    /// <summary>All catalogued cStat codes.</summary>
    public static IEnumerable<int> Codes => Entries.Value.Keys;

    /// <summary>The services that can return <paramref name="cStat"/>; empty for a code the catalogue does not hold.</summary>
    public static IReadOnlyList<SefazService> Services(int cStat) => Entries.Value.TryGetValue(cStat, out var e) ? e.Services : [];

    private static FrozenDictionary<int, Entry> Load()
    {
        using var stream = typeof(CStatCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, RawEntry>>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        return raw.ToFrozenDictionary(
            p => int.Parse(p.Key, NumberStyles.None, CultureInfo.InvariantCulture),
            p => new Entry(p.Value.Text, [.. p.Value.Services.Select(s => Enum.Parse<SefazService>(s))]));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record RawEntry(string Text, string[] Services);

    private sealed record Entry(string Text, IReadOnlyList<SefazService> Services);
}
