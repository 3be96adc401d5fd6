using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Tss.Protocol.Reference;

/// <summary>The official xMotivo text for each cStat (data file embedded in this assembly).</summary>
public static class CStatCatalog
{
    /// <summary>Text returned for a cStat the catalog does not hold (the wording of cStat 999).</summary>
    public const string FallbackText = "Rejeição: Erro não catalogado";

    private const string ResourceName = "Tss.Protocol.Reference.cstat.json";

    private static readonly Lazy<FrozenDictionary<int, string>> Texts = new(Load);

    /// <summary>The text for <paramref name="cStat"/>, or "Rejeição: erro não catalogado" style fallback.</summary>
    public static string Text(int cStat) => Texts.Value.GetValueOrDefault(cStat, FallbackText);

    /// <summary>The text for <paramref name="cStat"/> when the catalog holds it.</summary>
    public static bool TryGetText(int cStat, out string text)
    {
        if (Texts.Value.TryGetValue(cStat, out var found))
        {
            text = found;
            return true;
        }

        text = FallbackText;
        return false;
    }

    /// <summary>All catalogued cStat codes.</summary>
    public static IEnumerable<int> Codes => Texts.Value.Keys;

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(CStatCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        return raw.ToFrozenDictionary(p => int.Parse(p.Key, NumberStyles.None, CultureInfo.InvariantCulture), p => p.Value);
    }
}
