using System.Collections.Frozen;

namespace Tss.Protocol.Reactions;

/// <summary>
/// The reaction to each cStat of one SEFAZ answer (one root element of one or more services), as data: codes listed one
/// by one, then range rules, then a fallback for codes outside the official catalogue. See <see cref="CStatTables"/>.
/// </summary>
public sealed class CStatTable
{
    private readonly FrozenDictionary<int, CStatReaction> _codes;

    internal CStatTable(string answer, IReadOnlyList<SefazService> services, CStatReaction fallback, IReadOnlyList<CStatRange> ranges,
        params (int CStat, CStatReaction Reaction)[] codes)
    {
        Answer = answer;
        Services = services;
        Fallback = fallback;
        Ranges = ranges;
        _codes = codes.ToFrozenDictionary(c => c.CStat, c => c.Reaction);
    }

    /// <summary>The answer element whose cStat this table reads (retEnviNFe, protNFe, retEvento…).</summary>
    public string Answer { get; }

    /// <summary>The services that return this answer.</summary>
    public IReadOnlyList<SefazService> Services { get; }

    /// <summary>The reaction to a code neither listed nor in a range (a code newer than the catalogue).</summary>
    public CStatReaction Fallback { get; }

    /// <summary>The range rules, applied to codes not listed one by one.</summary>
    public IReadOnlyList<CStatRange> Ranges { get; }

    /// <summary>The codes listed one by one.</summary>
    public IReadOnlyDictionary<int, CStatReaction> Codes => _codes;

    /// <summary>The reaction to <paramref name="cStat"/>: listed code, else range rule, else <see cref="Fallback"/>.</summary>
    public CStatReaction React(int cStat) => Classify(cStat) ?? Fallback;

    /// <summary>The reaction the table states for <paramref name="cStat"/> (listed or by range), or null when only the
    /// fallback would answer.</summary>
    public CStatReaction? Classify(int cStat)
    {
        if (_codes.TryGetValue(cStat, out var listed))
        {
            return listed;
        }
        foreach (var range in Ranges)
        {
            if (range.Contains(cStat))
            {
                return range.Reaction;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Answer;
}
