namespace Tss.Protocol.Reactions;

/// <summary>A range rule of a <see cref="CStatTable"/>: every code from <paramref name="From"/> to <paramref name="To"/>
/// (inclusive) that the table does not list one by one gets <paramref name="Reaction"/>.</summary>
public sealed record CStatRange(int From, int To, CStatReaction Reaction)
{
    /// <summary>True when <paramref name="cStat"/> falls in the range.</summary>
    public bool Contains(int cStat) => cStat >= From && cStat <= To;
}
