using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Tests.Lots;

public class LotPolicyTests
{
    /// <summary>A configuration that tries to shorten every wait to nothing.</summary>
    private static readonly LotPolicy Tiny = new()
    {
        MinFirstPoll = TimeSpan.FromMilliseconds(1),
        PollInterval = TimeSpan.FromMilliseconds(1),
        MaxPollInterval = TimeSpan.FromMilliseconds(1),
        TransportRetry = TimeSpan.Zero,
        ParalysedRetry = TimeSpan.Zero,
        ConsumptionBlock = TimeSpan.FromSeconds(1),
        NotFoundConsultsBeforeRequeue = 0,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Production_waits_never_go_below_the_mandated_minimum_whatever_the_configuration_or_clock_scale(double scale)
    {
        var policy = LotPolicy.For(tpAmb: 1, Tiny);
        var min = LotPolicy.ProductionMinimum;

        Assert.Equal(TimeSpan.FromSeconds(15), LotPolicy.RealTime(policy.MinFirstPoll, scale, tpAmb: 1));
        Assert.Equal(TimeSpan.FromHours(1), LotPolicy.RealTime(policy.ConsumptionBlock, scale, tpAmb: 1));
        Assert.True(LotPolicy.RealTime(policy.PollInterval, scale, tpAmb: 1) >= min.PollInterval);
        Assert.True(LotPolicy.RealTime(policy.MaxPollInterval, scale, tpAmb: 1) >= min.PollInterval);
        Assert.True(policy.NotFoundConsultsBeforeRequeue >= 2);

        // Through the workflow: the first receipt query of a production lot waits at least 15 s of real time.
        var sending = LotWorkflow.BeginSend(LotState.New("lot|1", 1, [AccessKey.Parse("35261111222333000181550010000000011000000014")], sync: false), DateTimeOffset.UnixEpoch);
        var answer = new Protocol.Messages.RetEnviNFe(1, "SVRS", 103, "Lote recebido", 35, DateTimeOffset.UnixEpoch, "351", 0, null);
        var d = LotWorkflow.Decide(sending, new LotEvent.SendAnswered(answer), DateTimeOffset.UnixEpoch, policy);
        Assert.True(LotPolicy.RealTime(d.Wait, scale, tpAmb: 1) >= TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Production_keeps_configured_waits_that_are_longer_than_the_minimum()
    {
        var longer = new LotPolicy { MinFirstPoll = TimeSpan.FromSeconds(30), ConsumptionBlock = TimeSpan.FromHours(2) };
        var policy = LotPolicy.For(1, longer);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromHours(2)), (policy.MinFirstPoll, policy.ConsumptionBlock));
    }

    [Fact]
    public void Homologation_follows_the_configuration_and_the_clock_scale()
    {
        Assert.Same(Tiny, LotPolicy.For(tpAmb: 2, Tiny));
        Assert.Equal(TimeSpan.FromSeconds(5), LotPolicy.RealTime(TimeSpan.FromSeconds(15), scale: 3, tpAmb: 2));
        Assert.Equal(TimeSpan.FromSeconds(15), LotPolicy.RealTime(TimeSpan.FromSeconds(15), scale: 1, tpAmb: 2));
    }
}
