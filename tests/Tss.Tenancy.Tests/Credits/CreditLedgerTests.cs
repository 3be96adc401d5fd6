using Azure.Data.Tables;
using Tss.Tenancy.Credits;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests.Credits;

/// <summary>The credit ledger on real Azurite: idempotent top-ups and debits, concurrency, paging, refusals.</summary>
public sealed class CreditLedgerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_tenant_without_credits_has_a_zero_balance_and_cannot_debit()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        Assert.Equal(new CreditBalance(tenant, 0, 0, 0, null, null), await f.Ledger().GetBalanceAsync(tenant, Ct));
        Assert.Equal(DebitOutcome.InsufficientCredits, await f.Ledger().TryDebitAsync(tenant, "k1", Ct));
        Assert.Empty((await f.Ledger().ListAsync(tenant, 10, null, Ct)).Entries);
    }

    [Fact]
    public async Task Top_up_is_applied_once_per_reference()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        await f.Ledger().TopUpAsync(tenant, 10, "pedido-1", "ops", Ct);
        var again = await f.Ledger().TopUpAsync(tenant, 10, "pedido-1", "ops", Ct);
        await f.Ledger().TopUpAsync(tenant, 5, "pedido/2?#", "ops", Ct); // characters a row key cannot hold
        Assert.Equal(10, again.Balance);
        var balance = await f.Ledger().GetBalanceAsync(tenant, Ct);
        Assert.Equal((15L, 0L, 15L), (balance.Contracted, balance.Used, balance.Balance));
        var entries = (await f.Ledger().ListAsync(tenant, 10, null, Ct)).Entries;
        Assert.Equal(["pedido/2?#", "pedido-1"], entries.Select(e => e.Reference));
        Assert.All(entries, e => Assert.Equal("topup", e.Kind));
    }

    [Fact]
    public async Task A_debit_key_is_debited_once_and_the_balance_never_goes_negative()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        await f.Ledger().TopUpAsync(tenant, 2, "r1", "ops", Ct);
        Assert.Equal(DebitOutcome.Debited, await f.Ledger().TryDebitAsync(tenant, "a", Ct));
        Assert.Equal(DebitOutcome.AlreadyDebited, await f.Ledger().TryDebitAsync(tenant, "a", Ct));
        Assert.Equal(DebitOutcome.Debited, await f.Ledger().TryDebitAsync(tenant, "b", Ct));
        Assert.Equal(DebitOutcome.InsufficientCredits, await f.Ledger().TryDebitAsync(tenant, "c", Ct));
        // Already debited stays "already debited" with an empty balance (a redelivery is not refused).
        Assert.Equal(DebitOutcome.AlreadyDebited, await f.Ledger().TryDebitAsync(tenant, "a", Ct));
        var balance = await f.Ledger().GetBalanceAsync(tenant, Ct);
        Assert.Equal((2L, 2L, 0L), (balance.Contracted, balance.Used, balance.Balance));
    }

    [Fact]
    public async Task A_batch_gives_the_credits_to_the_earliest_keys_and_skips_keys_debited_before()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        await f.Ledger().TopUpAsync(tenant, 3, "r1", "ops", Ct);
        Assert.Equal(DebitOutcome.Debited, await f.Ledger().TryDebitAsync(tenant, "k2", Ct));
        var outcomes = await f.Ledger().TryDebitManyAsync(tenant, ["k1", "k2", "k3", "k3", "k4", "k5"], Ct);
        Assert.Equal([DebitOutcome.Debited, DebitOutcome.AlreadyDebited, DebitOutcome.Debited, DebitOutcome.AlreadyDebited,
            DebitOutcome.InsufficientCredits, DebitOutcome.InsufficientCredits], outcomes);
        Assert.Equal(0, (await f.Ledger().GetBalanceAsync(tenant, Ct)).Balance);
    }

    [Fact]
    public async Task Concurrent_debits_from_two_instances_never_overdraw()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        var one = f.Ledger(f.NewInstance());
        var two = f.Ledger(f.NewInstance());
        await one.TopUpAsync(tenant, 60, "r1", "ops", Ct);
        var debits = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? one : two).TryDebitAsync(tenant, $"doc-{i}", Ct));
        var outcomes = await Task.WhenAll(debits);
        Assert.Equal(60, outcomes.Count(o => o == DebitOutcome.Debited));
        Assert.Equal(40, outcomes.Count(o => o == DebitOutcome.InsufficientCredits));
        var balance = await two.GetBalanceAsync(tenant, Ct);
        Assert.Equal((60L, 60L, 0L), (balance.Contracted, balance.Used, balance.Balance));
        var entries = (await one.ListAsync(tenant, 1000, null, Ct)).Entries;
        Assert.Equal(60, entries.Count(e => e.Kind == "debit"));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i).Order(), entries.Where(e => e.Kind == "debit").Select(e => e.BalanceAfter).Order());
    }

    [Fact]
    public async Task The_same_key_debited_concurrently_is_debited_exactly_once()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        var one = f.Ledger(f.NewInstance());
        var two = f.Ledger(f.NewInstance());
        await one.TopUpAsync(tenant, 10, "r1", "ops", Ct);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).TryDebitAsync(tenant, "same-doc", Ct)));
        Assert.Equal(1, outcomes.Count(o => o == DebitOutcome.Debited));
        Assert.Equal(19, outcomes.Count(o => o == DebitOutcome.AlreadyDebited));
        Assert.Equal(9, (await one.GetBalanceAsync(tenant, Ct)).Balance);
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_and_refuses_a_token_of_another_tenant()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var (tenant, other) = (NewTenant(), NewTenant());
        await f.Ledger().TopUpAsync(tenant, 5, "r1", "ops", Ct);
        await f.Ledger().TopUpAsync(other, 5, "r1", "ops", Ct);
        for (var i = 0; i < 4; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            await f.Ledger().TryDebitAsync(tenant, $"k{i}", Ct);
        }
        var first = await f.Ledger().ListAsync(tenant, 2, null, Ct);
        Assert.Equal(["k3", "k2"], first.Entries.Select(e => e.Reference));
        Assert.All(first.Entries, e => Assert.Equal(-1, e.Amount));
        Assert.NotNull(first.ContinuationToken);
        var second = await f.Ledger().ListAsync(tenant, 2, first.ContinuationToken, Ct);
        Assert.Equal(["k1", "k0"], second.Entries.Select(e => e.Reference));
        var third = await f.Ledger().ListAsync(tenant, 2, second.ContinuationToken, Ct);
        Assert.Equal([("topup", 5L, 5L)], third.Entries.Select(e => (e.Kind, e.Amount, e.BalanceAfter)));
        var e = await Assert.ThrowsAsync<TenancyException>(() => f.Ledger().ListAsync(other, 2, first.ContinuationToken, Ct));
        Assert.Equal(TenancyErrorCodes.Credits.ContinuationInvalid, e.Code);
        e = await Assert.ThrowsAsync<TenancyException>(() => f.Ledger().ListAsync(tenant, 2, "%%%", Ct));
        Assert.Equal(TenancyErrorCodes.Credits.ContinuationInvalid, e.Code);
    }

    [Theory]
    [InlineData("Tenant!", 1, "r", TenancyErrorCodes.Credits.TenantInvalid)]
    [InlineData("t-ok", 0, "r", TenancyErrorCodes.Credits.AmountInvalid)]
    [InlineData("t-ok", -5, "r", TenancyErrorCodes.Credits.AmountInvalid)]
    [InlineData("t-ok", 1, "", TenancyErrorCodes.Credits.ReferenceInvalid)]
    [InlineData("t-ok", 1, "a\u0001b", TenancyErrorCodes.Credits.ReferenceInvalid)]
    public async Task Invalid_top_ups_are_refused_and_change_nothing(string tenant, long credits, string reference, string code)
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var e = await Assert.ThrowsAsync<TenancyException>(() => f.Ledger().TopUpAsync(tenant, credits, reference, "ops", Ct));
        Assert.Equal(code, e.Code);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(f.Settings["Credits:Table"]);
        Assert.Empty(await table.QueryAsync<TableEntity>(cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Low_balance_settings_are_validated_and_kept_with_the_balance()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite);
        var tenant = NewTenant();
        var e = await Assert.ThrowsAsync<TenancyException>(() => f.Ledger().SetLowBalanceNotificationAsync(tenant, 5, "não é e-mail", Ct));
        Assert.Equal(TenancyErrorCodes.Credits.EmailInvalid, e.Code);
        e = await Assert.ThrowsAsync<TenancyException>(() => f.Ledger().SetLowBalanceNotificationAsync(tenant, -1, "a@b.com", Ct));
        Assert.Equal(TenancyErrorCodes.Credits.ThresholdInvalid, e.Code);
        await f.Ledger().SetLowBalanceNotificationAsync(tenant, 5, "fiscal@cliente.com.br", Ct);
        await f.Ledger().TopUpAsync(tenant, 8, "r1", "ops", Ct);
        Assert.Equal(new CreditBalance(tenant, 8, 0, 8, 5, "fiscal@cliente.com.br"), await f.Ledger().GetBalanceAsync(tenant, Ct));
        await f.Ledger().SetLowBalanceNotificationAsync(tenant, null, null, Ct);
        Assert.Equal(new CreditBalance(tenant, 8, 0, 8, null, null), await f.Ledger().GetBalanceAsync(tenant, Ct));
    }
}
