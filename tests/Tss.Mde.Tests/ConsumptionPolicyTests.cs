using Tss.Mde.Cursors;
using Tss.Mde.Protocol;

namespace Tss.Mde.Tests;

public sealed class ConsumptionPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly ConsumptionPolicy _policy = new(Margin, 20);

    private static RetDistDFeInt Answer(int cStat, long ult, long max, int documents = 0) =>
        new(cStat, "x", ult, max, [.. Enumerable.Range(1, documents).Select(i => new DocZip(ult - documents + i, "resNFe_v1.01.xsd", ""))]);

    [Fact]
    public void A_page_short_of_maxNSU_continues_from_the_returned_ultNSU()
    {
        var cursor = new MdeCursor { UltNsu = 0 };
        Assert.True(_policy.ApplyDistNsu(cursor, Answer(138, 50, 120, 50), T0));
        Assert.Equal(50, cursor.UltNsu);
        Assert.Equal(120, cursor.MaxNsu);
        Assert.Null(ConsumptionPolicy.SyncRefusedUntil(cursor, T0));
    }

    [Fact]
    public void Reaching_maxNSU_waits_an_hour_plus_the_margin()
    {
        var cursor = new MdeCursor { UltNsu = 100 };
        Assert.False(_policy.ApplyDistNsu(cursor, Answer(138, 120, 120, 20), T0));
        Assert.Equal(T0 + TimeSpan.FromHours(1) + Margin, ConsumptionPolicy.SyncRefusedUntil(cursor, T0.AddMinutes(59)));
        Assert.Null(ConsumptionPolicy.SyncRefusedUntil(cursor, T0 + TimeSpan.FromHours(1) + Margin));
    }

    [Fact]
    public void No_documents_waits_an_hour_but_leaves_on_demand_queries_free()
    {
        var cursor = new MdeCursor { UltNsu = 7 };
        Assert.False(_policy.ApplyDistNsu(cursor, Answer(137, 7, 7), T0));
        Assert.NotNull(ConsumptionPolicy.SyncRefusedUntil(cursor, T0.AddMinutes(30)));
        Assert.Null(_policy.QueryRefusedUntil(cursor, T0.AddMinutes(30)));
    }

    [Fact]
    public void A_656_blocks_sync_and_queries_and_resumes_from_the_ultNSU_it_carries()
    {
        var cursor = new MdeCursor { UltNsu = 10 };
        Assert.False(_policy.ApplyDistNsu(cursor, Answer(656, 30, 0), T0));
        Assert.Equal(30, cursor.UltNsu);
        Assert.Equal(T0 + TimeSpan.FromHours(1) + Margin, _policy.QueryRefusedUntil(cursor, T0.AddMinutes(1)));
        Assert.NotNull(ConsumptionPolicy.SyncRefusedUntil(cursor, T0.AddMinutes(60)));
    }

    [Fact]
    public void The_twenty_first_query_in_an_hour_is_refused_until_the_window_ends()
    {
        var cursor = new MdeCursor();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(_policy.TryReserveQuery(cursor, T0.AddMinutes(i)));
        }
        Assert.False(_policy.TryReserveQuery(cursor, T0.AddMinutes(30)));
        Assert.Equal(T0 + TimeSpan.FromHours(1) + Margin, _policy.QueryRefusedUntil(cursor, T0.AddMinutes(30)));
        Assert.True(_policy.TryReserveQuery(cursor, T0 + TimeSpan.FromHours(1) + Margin));
        Assert.Equal(1, cursor.QueryCount);
    }

    [Fact]
    public void The_block_message_is_the_TSS_003_text_in_Brasilia_time()
    {
        var until = new DateTimeOffset(2026, 11, 23, 15, 4, 5, TimeSpan.Zero).AddMilliseconds(200);
        Assert.Equal("003 - Serviço temporariamente bloqueado para evitar o Uso Indevido e bloqueio de CNPJ. Por favor voltar a tentar após as 12:04:06 de 23/11/2026",
            BlockedMessage.For(until));
    }

    [Fact]
    public void A_query_that_never_left_is_given_back_in_its_own_window_only()
    {
        var cursor = new MdeCursor();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(_policy.TryReserveQuery(cursor, T0.AddMinutes(i)));
        }
        Assert.False(_policy.TryReserveQuery(cursor, T0.AddMinutes(30)));
        var window = cursor.QueryWindowStart;

        Assert.True(ConsumptionPolicy.RefundQuery(cursor, window));
        Assert.Equal(19, cursor.QueryCount);
        Assert.True(_policy.TryReserveQuery(cursor, T0.AddMinutes(31)));

        // A reservation made in an earlier window is not taken from the current one.
        var later = T0 + TimeSpan.FromHours(1) + Margin;
        Assert.True(_policy.TryReserveQuery(cursor, later));
        Assert.False(ConsumptionPolicy.RefundQuery(cursor, window));
        Assert.Equal(1, cursor.QueryCount);
        Assert.False(ConsumptionPolicy.RefundQuery(new MdeCursor(), null));
    }

    [Theory]
    [InlineData(1, 3600)]
    [InlineData(2, 5)]
    public void A_shortened_hour_applies_in_homologacao_but_producao_never_waits_less_than_one_hour(int tpAmb, int expectedSeconds)
    {
        var shortened = new ConsumptionPolicy(TimeSpan.Zero, 20, TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), shortened.HourFor(tpAmb));

        var blocked = new MdeCursor { tpAmb = tpAmb, UltNsu = 20 };
        Assert.False(shortened.ApplyDistNsu(blocked, Answer(656, 20, 30), T0));
        Assert.Equal(T0 + TimeSpan.FromSeconds(expectedSeconds), blocked.BlockedUntil);

        var waiting = new MdeCursor { tpAmb = tpAmb, UltNsu = 7 };
        Assert.False(shortened.ApplyDistNsu(waiting, Answer(137, 7, 7), T0));
        Assert.Equal(T0 + TimeSpan.FromSeconds(expectedSeconds), waiting.SyncBlockedUntil);

        var queries = new MdeCursor { tpAmb = tpAmb };
        for (var i = 0; i < 20; i++)
        {
            Assert.True(shortened.TryReserveQuery(queries, T0));
        }
        Assert.Equal(T0 + TimeSpan.FromSeconds(expectedSeconds), shortened.QueryRefusedUntil(queries, T0.AddSeconds(1)));
    }

    [Fact]
    public void The_next_pass_is_due_at_once_after_the_budget_after_the_interval_otherwise_and_never_inside_a_block()
    {
        var interval = TimeSpan.FromMinutes(30);
        var free = new MdeCursor();
        Assert.Equal(T0, ConsumptionPolicy.NextPassDue(Sync.SyncStatus.BudgetExhausted, free, T0, interval));
        Assert.Equal(T0 + interval, ConsumptionPolicy.NextPassDue(Sync.SyncStatus.Completed, free, T0, interval));
        Assert.Equal(T0 + ConsumptionPolicy.BusyRetry, ConsumptionPolicy.NextPassDue(Sync.SyncStatus.Busy, free, T0, interval));
        Assert.Equal(T0 + ConsumptionPolicy.InterruptedRetry, ConsumptionPolicy.NextPassDue(Sync.SyncStatus.Interrupted, free, T0, interval));

        var blocked = new MdeCursor { BlockedUntil = T0.AddMinutes(61) };
        Assert.Equal(T0.AddMinutes(61), ConsumptionPolicy.NextPassDue(Sync.SyncStatus.BudgetExhausted, blocked, T0, interval));
        Assert.Equal(T0.AddMinutes(61), ConsumptionPolicy.NextPassDue(Sync.SyncStatus.Completed, blocked, T0, interval));

        // After a 656 (or with a backlog left) the pass resumes when the block ends, not one interval later.
        var refused = new MdeCursor { BlockedUntil = T0.AddMinutes(61), LastCStat = 656 };
        Assert.Equal(T0.AddMinutes(61), ConsumptionPolicy.NextPassDue(Sync.SyncStatus.Completed, refused, T0, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void The_in_flight_marker_has_one_holder_until_it_is_released_or_expires()
    {
        var cursor = new MdeCursor();
        var ttl = TimeSpan.FromMinutes(5);
        Assert.True(InFlight.TryClaim(cursor, "pass:a", T0, ttl));
        Assert.False(InFlight.TryClaim(cursor, "query:b", T0.AddMinutes(4), ttl));
        Assert.Equal("pass:a", cursor.InFlightOwner);
        // The same owner (a pass run again after its process died) takes it back at once.
        Assert.True(InFlight.TryClaim(cursor, "pass:a", T0.AddMinutes(1), ttl));
        Assert.False(InFlight.Release(cursor, "query:b"));
        Assert.True(InFlight.Release(cursor, "pass:a"));
        Assert.True(InFlight.TryClaim(cursor, "query:b", T0.AddMinutes(2), ttl));
        // A holder that died lets go when its time to live passes.
        Assert.True(InFlight.TryClaim(cursor, "pass:a", T0.AddMinutes(7).AddTicks(1), ttl));
    }
}
