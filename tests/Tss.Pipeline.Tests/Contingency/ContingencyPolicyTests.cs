using Microsoft.Extensions.Time.Testing;
using Tss.Pipeline.Contingency;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>The pure transition logic on a fake clock.</summary>
public class ContingencyPolicyTests
{
    private static readonly AuthorizerKey Sp = new("SP", 55, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 17, 2, 0, TimeSpan.Zero));
    private readonly ContingencyOptions _options = new() { FailureThreshold = 5, FailureWindow = TimeSpan.FromMinutes(2), ReturnAfterOkStatuses = 3 };

    [Fact]
    public void Five_connection_failures_within_two_minutes_enter_contingency_with_the_signals_and_a_readable_reason()
    {
        var state = ContingencyState.Initial;
        ContingencyDecision? decision = null;
        for (var i = 0; i < 5; i++)
        {
            (state, decision) = Apply(state, ContingencySignalKind.TransportFailure);
            _clock.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.NotNull(decision);
        Assert.Equal(ContingencyMode.Contingency, state.Mode);
        Assert.Equal("transport_failures", decision.Trigger);
        Assert.Equal(5, decision.Signals.Count);
        Assert.Equal("SP em contingência SVC-AN desde 14:03 — 5 falhas de conexão em 2 min", decision.Message);
        Assert.Empty(state.Failures);
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_do_not_enter_contingency()
    {
        var state = ContingencyState.Initial;
        for (var i = 0; i < 10; i++)
        {
            (state, var decision) = Apply(state, ContingencySignalKind.Timeout);
            Assert.Null(decision);
            _clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Equal(ContingencyMode.Normal, state.Mode);
        Assert.Equal(4, state.Failures.Count);
    }

    [Fact]
    public void An_answer_in_between_resets_the_consecutive_failures()
    {
        var state = ContingencyState.Initial;
        for (var i = 0; i < 4; i++)
        {
            (state, _) = Apply(state, ContingencySignalKind.TransportFailure);
        }

        (state, _) = Apply(state, ContingencySignalKind.Answered);
        (state, var decision) = Apply(state, ContingencySignalKind.TransportFailure);

        Assert.Null(decision);
        Assert.Single(state.Failures);
    }

    [Theory]
    [InlineData(ContingencySignalKind.StatusParalysed, "status_paralysis")]
    [InlineData(ContingencySignalKind.SendParalysed, "send_paralysis")]
    public void A_108_enters_contingency_at_once(ContingencySignalKind kind, string trigger)
    {
        var (state, decision) = Apply(ContingencyState.Initial, kind, "108");

        Assert.Equal(ContingencyMode.Contingency, state.Mode);
        Assert.Equal(trigger, decision!.Trigger);
        Assert.Contains("108", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_consecutive_107_bring_the_authorizer_back_to_normal_and_a_failure_in_between_starts_the_count_again()
    {
        var (state, _) = Apply(ContingencyState.Initial, ContingencySignalKind.StatusParalysed, "109");
        (state, _) = Apply(state, ContingencySignalKind.StatusInOperation, "107");
        (state, _) = Apply(state, ContingencySignalKind.StatusInOperation, "107");
        (state, _) = Apply(state, ContingencySignalKind.TransportFailure);
        (state, _) = Apply(state, ContingencySignalKind.StatusInOperation, "107");
        (state, var early) = Apply(state, ContingencySignalKind.StatusInOperation, "107");
        _clock.Advance(TimeSpan.FromMinutes(9));
        (state, var back) = Apply(state, ContingencySignalKind.StatusInOperation, "107");

        Assert.Null(early);
        Assert.Equal(ContingencyMode.Normal, state.Mode);
        Assert.Equal("status_recovered", back!.Trigger);
        Assert.Equal("SP de volta ao normal desde 14:11 — retorno após 3 consultas 107 (em contingência SVC-AN desde 14:02)", back.Message);
    }

    [Fact]
    public void A_114_from_the_svc_ends_the_contingency_at_once_and_means_nothing_in_normal_mode()
    {
        var (normal, ignored) = Apply(ContingencyState.Initial, ContingencySignalKind.SvcDeactivated, "114");
        Assert.Null(ignored);
        Assert.Equal(ContingencyMode.Normal, normal.Mode);

        var (state, _) = Apply(ContingencyState.Initial, ContingencySignalKind.StatusParalysed, "109");
        Assert.Equal(ContingencyMode.Contingency, state.Mode);
        _clock.Advance(TimeSpan.FromMinutes(30));
        (state, var back) = Apply(state, ContingencySignalKind.SvcDeactivated, "114");

        Assert.Equal(ContingencyMode.Normal, state.Mode);
        Assert.Equal("svc_deactivated", back!.Trigger);
        Assert.StartsWith("SvcDeactivated@", Assert.Single(back.Signals), StringComparison.Ordinal);
        Assert.Equal("SP de volta ao normal desde 14:32 — SVC-AN respondeu 114 (SVC desativada pela SEFAZ) (em contingência SVC-AN desde 14:02)", back.Message);
    }

    [Fact]
    public void Forbidden_contingency_leaves_at_once_and_ignores_the_signals_until_lifted()
    {
        var (state, _) = Apply(ContingencyState.Initial, ContingencySignalKind.StatusParalysed, "108");
        (state, var forbid) = ContingencyPolicy.Impose(state, OperatorOverride.Forbid, _clock.GetUtcNow(), Sp, "SVC-AN", "ops");
        (state, var ignored) = Apply(state, ContingencySignalKind.SendParalysed, "108");
        (state, _) = ContingencyPolicy.Impose(state, OperatorOverride.None, _clock.GetUtcNow(), Sp, "SVC-AN", "ops");
        (state, var after) = Apply(state, ContingencySignalKind.SendParalysed, "108");

        Assert.Equal("operator_forbid", forbid!.Trigger);
        Assert.Null(ignored);
        Assert.Equal(ContingencyMode.Contingency, state.Mode);
        Assert.Equal("send_paralysis", after!.Trigger);
    }

    [Fact]
    public void Forced_contingency_enters_at_once_and_107s_do_not_end_it()
    {
        var (state, force) = ContingencyPolicy.Impose(ContingencyState.Initial, OperatorOverride.Force, _clock.GetUtcNow(), Sp, "SVC-AN", "ops");
        for (var i = 0; i < 5; i++)
        {
            (state, var decision) = Apply(state, ContingencySignalKind.StatusInOperation, "107");
            Assert.Null(decision);
        }

        Assert.Equal("operator_force", force!.Trigger);
        Assert.Equal(ContingencyMode.Contingency, state.Mode);
    }

    [Fact]
    public void A_disabled_policy_records_failures_but_never_switches()
    {
        _options.Enabled = false;

        var (state, decision) = Apply(ContingencyState.Initial, ContingencySignalKind.StatusParalysed, "109");

        Assert.Null(decision);
        Assert.Equal(ContingencyMode.Normal, state.Mode);
    }

    private (ContingencyState, ContingencyDecision?) Apply(ContingencyState state, ContingencySignalKind kind, string? detail = null) =>
        ContingencyPolicy.Apply(state, new ContingencySignal(kind, _clock.GetUtcNow(), detail), _options, Sp, "SVC-AN");
}
