using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Tests.Lots;

public class LotPlannerTests
{
    private static PendingDocument Doc(int i, int bytes = 10_000, int mod = 55, bool sync = false) =>
        new(AccessKey.Build(new AccessKeyParts(35, 26, 11, "11222333000181", mod, 1, i + 1, 1, 10_000_000 + i)), bytes, mod, sync);

    [Fact]
    public void Lots_hold_at_most_50_documents()
    {
        var lots = LotPlanner.Plan(Enumerable.Range(0, 120).Select(i => Doc(i, 2_000)));
        Assert.Equal([50, 50, 20], lots.Select(l => l.Keys.Count));
        Assert.All(lots, l => Assert.False(l.indSinc));
    }

    [Fact]
    public void Lots_stay_under_500_KB()
    {
        var lots = LotPlanner.Plan(Enumerable.Range(0, 50).Select(i => Doc(i, 30_000)));
        Assert.All(lots, l => Assert.True(l.Keys.Count * 30_000 + LotPlanner.EnvelopeOverheadBytes <= LotPlanner.MaxMessageBytes));
        Assert.Equal(50, lots.Sum(l => l.Keys.Count));
        Assert.Equal(17, lots[0].Keys.Count);
    }

    [Fact]
    public void Single_document_lot_is_synchronous_because_async_single_lots_get_452()
    {
        var lots = LotPlanner.Plan([Doc(1)]);
        Assert.True(Assert.Single(lots).indSinc);
    }

    [Fact]
    public void Sync_request_and_nfce_go_alone_with_indSinc()
    {
        var lots = LotPlanner.Plan([Doc(1), Doc(2, sync: true), Doc(3), Doc(4, mod: 65)]);
        Assert.Equal(3, lots.Count);
        Assert.Contains(lots, l => l.indSinc && l.Keys.SequenceEqual([Doc(2, sync: true).Key]));
        Assert.Contains(lots, l => l.indSinc && l.Keys.SequenceEqual([Doc(4, mod: 65).Key]));
        Assert.Contains(lots, l => !l.indSinc && l.Keys.SequenceEqual([Doc(1).Key, Doc(3).Key]));
    }

    [Fact]
    public void Every_document_lands_in_exactly_one_lot()
    {
        var docs = Enumerable.Range(0, 333).Select(i => Doc(i, 1_000 + i * 97 % 40_000, sync: i % 17 == 0)).ToList();
        var keys = LotPlanner.Plan(docs).SelectMany(l => l.Keys).ToList();
        Assert.Equal(docs.Select(d => d.Key.Value).Order(), keys.Select(k => k.Value).Order());
    }
}
