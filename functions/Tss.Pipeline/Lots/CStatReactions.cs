namespace Tss.Pipeline.Lots;

/// <summary>How the pipeline reacts to each per-document cStat (PROTOCOL.md §4), as one table.</summary>
public static class CStatReactions
{
    /// <summary>The reaction classes.</summary>
    public enum Reaction
    {
        Authorized,
        Denied,
        /// <summary>Duplicity (204/539): the key is already in SEFAZ's base; consult it instead of failing.</summary>
        ConsultExisting,
        Rejected,
    }

    private static readonly Dictionary<int, Reaction> Table = new()
    {
        [100] = Reaction.Authorized,
        [150] = Reaction.Authorized,
        [110] = Reaction.Denied,
        [205] = Reaction.Denied,
        [301] = Reaction.Denied,
        [302] = Reaction.Denied,
        [303] = Reaction.Denied,
        [204] = Reaction.ConsultExisting,
        [539] = Reaction.ConsultExisting,
    };

    /// <summary>Reaction to a protNFe cStat answered for a sent document.</summary>
    public static Reaction ForProtocol(int cStat) => Table.GetValueOrDefault(cStat, Reaction.Rejected);

    /// <summary>Lot-level answers to NFeAutorizacao4 that mean "try the send again later" rather than "the documents are wrong".</summary>
    public static bool IsRetryableLotStatus(int cStat) => cStat is 108 or 109 or 656 or 999;

    /// <summary>consSitNFe answers that carry a valid authorization protocol, cancelled or not.</summary>
    public static bool IsAuthorizedConsult(int cStat) => cStat is 100 or 150 or 101 or 135 or 151 or 155;
}
