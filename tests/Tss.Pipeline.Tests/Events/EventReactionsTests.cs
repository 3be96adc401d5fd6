using Tss.Pipeline.Events;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Tests.Events;

/// <summary>The pure reactions of an event batch to SEFAZ's answers.</summary>
public sealed class EventReactionsTests
{
    private const string Key1 = "35261111222333000181550010000000011000000014";
    private const string Key2 = "35261111222333000181550010000000021000000020";
    private const string Key3 = "35261111222333000181550010000000031000000035";
    private static readonly DateTimeOffset At = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly EventPolicy Policy = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
    private static readonly EventKey[] Sent = [new(AccessKey.Parse(Key1), "110111", 1), new(AccessKey.Parse(Key2), "110110", 2), new(AccessKey.Parse(Key3), "110111", 1)];

    private static RetEvento Ret(string chNFe, string tpEvento, int nSeq, int cStat) =>
        new(2, "SIM", 35, cStat, $"motivo {cStat}", chNFe, tpEvento, null, nSeq, null, null, null, At, cStat is 135 or 136 or 155 ? "135260000000001" : null, "<retEvento/>");

    private static RetEnvEvento Answer(int cStat, params RetEvento[] rets) => new("1", 2, "SIM", 35, cStat, $"motivo {cStat}", rets);

    [Fact]
    public void Answer_128_gives_each_event_the_verdict_of_its_own_retEvento()
    {
        var (verdicts, _) = EventReactions.OnAnswer(Answer(128, Ret(Key2, "110110", 2, 573), Ret(Key1, "110111", 1, 135), Ret(Key3, "110111", 1, 580)), Sent, Policy);

        Assert.IsType<EventVerdict.Registered>(verdicts[0]);
        Assert.IsType<EventVerdict.Consult>(verdicts[1]);
        Assert.Equal(580, Assert.IsType<EventVerdict.Refused>(verdicts[2]).cStat);
    }

    [Fact]
    public void Event_the_answer_does_not_list_is_sent_again()
    {
        var (verdicts, wait) = EventReactions.OnAnswer(Answer(128, Ret(Key1, "110111", 1, 136)), Sent, Policy);

        Assert.Equal([typeof(EventVerdict.Registered), typeof(EventVerdict.Resend), typeof(EventVerdict.Resend)], verdicts.Select(v => v.GetType()));
        Assert.Equal(Policy.RetryDelay, wait);
    }

    [Theory]
    [InlineData(108, 30)]
    [InlineData(109, 30)]
    [InlineData(999, 30)]
    [InlineData(656, 3600)]
    public void Lot_level_try_later_resends_every_event_after_the_policy_wait(int cStat, int seconds)
    {
        var (verdicts, wait) = EventReactions.OnAnswer(Answer(cStat), Sent, Policy);

        Assert.All(verdicts, v => Assert.IsType<EventVerdict.Resend>(v));
        Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
    }

    [Fact]
    public void Lot_level_rejection_refuses_every_event_with_its_cStat()
    {
        var (verdicts, _) = EventReactions.OnAnswer(Answer(215), Sent, Policy);

        Assert.All(verdicts, v => Assert.Equal(215, Assert.IsType<EventVerdict.Refused>(v).cStat));
    }

    [Fact]
    public void Events_in_flight_are_reconciled_before_any_pending_one_is_sent()
    {
        Assert.Equal(new EventBatchStep(EventBatchAction.Reconcile, TimeSpan.FromSeconds(3)), EventReactions.Next(1, 5, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9)));
        Assert.Equal(new EventBatchStep(EventBatchAction.Send, TimeSpan.FromSeconds(9)), EventReactions.Next(0, 5, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9)));
        Assert.Equal(EventBatchStep.Closed, EventReactions.Next(0, 0, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9)));
    }

    [Fact]
    public void Consultation_that_does_not_list_the_event_resends_it_until_the_attempts_are_spent()
    {
        Assert.IsType<EventVerdict.Registered>(EventReactions.OnConsult(Ret(Key1, "110111", 1, 135), 5, 5));
        Assert.IsType<EventVerdict.Resend>(EventReactions.OnConsult(null, 4, 5));
        Assert.Null(Assert.IsType<EventVerdict.Refused>(EventReactions.OnConsult(null, 5, 5)).cStat);
    }

    [Fact]
    public void Production_waits_are_never_below_the_mandated_minimums()
    {
        var options = new EventsOptions { RetryDelay = TimeSpan.FromMilliseconds(10), ConsumptionBlock = TimeSpan.FromSeconds(1) };

        Assert.Equal(new EventPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)), EventPolicy.For(1, options));
        Assert.Equal(new EventPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1)), EventPolicy.For(2, options));
    }
}
