namespace Tss.Sefaz.Simulator.Tests.Lots;

public class ConsumptionTests
{
    [Fact]
    public void Polls_at_the_announced_pace_never_count_as_violations()
    {
        var h = new EngineHarness(o => o.ProcessingTime = TimeSpan.FromSeconds(100));
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        for (var i = 0; i < 50; i++)
        {
            h.Advance(1);
            Assert.NotEqual(656, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);
        }

        Assert.Empty(h.Engine.ConsumptionBlocks());
    }

    [Fact]
    public void Early_polls_past_the_threshold_are_refused_with_656()
    {
        var h = new EngineHarness(o => o.ConsumptionViolationThreshold = 3);
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));

        // Four queries within the first second: each is sooner than tMed after receipt.
        var statuses = Enumerable.Range(0, 4).Select(_ => h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat).ToList();

        Assert.Equal([105, 105, 105, 656], statuses);
        Assert.Equal("Rejeição: Consumo Indevido", h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).xMotivo);
    }

    [Fact]
    public void Block_lasts_an_hour_and_each_request_during_it_restarts_the_hour()
    {
        var h = new EngineHarness(o => o.ConsumptionViolationThreshold = 0);
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        Assert.Equal(656, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(656, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        // One hour after the first block but only 59 minutes after the last request: still blocked.
        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(656, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        h.Time.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(104, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);
    }

    [Fact]
    public void Block_applies_per_cnpj_of_the_transmitter()
    {
        var h = new EngineHarness(o => o.ConsumptionViolationThreshold = 0);
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        Assert.Equal(656, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        h.Advance(2);
        Assert.Equal(104, h.Engine.Query(receipt.nRec!, "99888777000161").cStat);
    }

    [Fact]
    public void Repeated_queries_sooner_than_the_minimum_interval_are_violations()
    {
        var h = new EngineHarness(o =>
        {
            o.ConsumptionViolationThreshold = 2;
            o.MinPollInterval = TimeSpan.FromSeconds(10);
            o.ProcessingTime = TimeSpan.FromMinutes(10);
        });
        var receipt = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        h.Advance(5);
        Assert.Equal(105, h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            h.Advance(2);
            statuses.Add(h.Engine.Query(receipt.nRec!, EngineHarness.Transmitter).cStat);
        }

        Assert.Equal([105, 105, 656], statuses);
    }

    [Fact]
    public void Violations_older_than_an_hour_are_forgotten()
    {
        var h = new EngineHarness(o => o.ConsumptionViolationThreshold = 1);
        var first = h.Send(false, EngineHarness.Document(1), EngineHarness.Document(2));
        Assert.Equal(105, h.Engine.Query(first.nRec!, EngineHarness.Transmitter).cStat);

        h.Time.Advance(TimeSpan.FromMinutes(61));
        var second = h.Send(false, EngineHarness.Document(3), EngineHarness.Document(4));
        Assert.Equal(105, h.Engine.Query(second.nRec!, EngineHarness.Transmitter).cStat);
        Assert.Equal(656, h.Engine.Query(second.nRec!, EngineHarness.Transmitter).cStat);
    }
}
